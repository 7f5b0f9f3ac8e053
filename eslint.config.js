// ESLint (flat config): a small rule set that keeps the pure layers pure. The type checker
// does the rest (tsconfig.sim.json has no DOM and no Node types).
import tseslint from 'typescript-eslint';

const CLOCKS_AND_CHANCE = [
  { name: 'window', message: 'pure code has no window: it runs in Node, workers and replays alike' },
  { name: 'document', message: 'pure code has no DOM' },
  { name: 'performance', message: 'pure code reads no clock: pass the time in' },
  { name: 'setTimeout', message: 'pure code keeps no timers: the host owns the clock' },
  { name: 'setInterval', message: 'pure code keeps no timers: the host owns the clock' },
];
const NO_RANDOM_OR_NOW = [
  { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'use the seeded PRNG in the sim state, never Math.random' },
  { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'pure code reads no clock: pass the time in' },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'pure code reads no clock: pass the time in' },
];
const NO_HOSTS = ['**/main/**', '**/renderer/**', '**/preload/**', '**/cli/**', 'electron', 'ws', 'pixi.js', 'howler'];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'dist/**'] },
  {
    files: ['src/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {},
  },
  {
    // The simulation: no clock, no chance, no platform at all.
    files: ['src/sim/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...CLOCKS_AND_CHANCE, { name: 'process', message: 'the sim runs anywhere' }, { name: 'Buffer', message: 'the sim runs anywhere' }],
      'no-restricted-syntax': ['error', ...NO_RANDOM_OR_NOW],
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', ...NO_HOSTS, '**/replay/**', '**/drill/**', '**/debrief/**', '**/shared/**'], message: 'src/sim imports nothing but itself' }] }],
    },
  },
  {
    // Replays and drills: pure, except the Node files that read and write them.
    files: ['src/replay/**/*.ts', 'src/drill/**/*.ts'],
    ignores: ['src/replay/{codec,journal,safe-write,files,read-capped,pdf,chromium,node}.ts', 'src/drill/{files,node}.ts'],
    rules: {
      'no-restricted-globals': ['error', ...CLOCKS_AND_CHANCE],
      'no-restricted-syntax': ['error', ...NO_RANDOM_OR_NOW],
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', ...NO_HOSTS], message: 'replay and drill logic is pure: files live in their node.ts half, hosts above' }] }],
    },
  },
);
