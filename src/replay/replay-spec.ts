// The .skyreplay format, defined once: REPLAY_SPEC checks a file (validate.ts), is published
// as docs/replay.schema.json, and gives the TypeScript types of a recording, so the three
// cannot drift apart. Pure data: no Node, no clock.
import { checkedElsewhere, type Infer, type Spec } from '../sim/schema';
import { SCENARIO_SPEC } from '../sim/scenario';
import { TICK_SECONDS, type Command, type Scenario } from '../sim/index';

export const REPLAY_FORMAT = 'skyreplay';
/** Layout of the file. Bump when a field changes meaning; readers refuse newer formats. */
export const FORMAT_VERSION = 1;
export const COMMAND_SOURCES = ['trainee', 'instructor', 'scenario', 'script'] as const;
/** Who gave a command: the player, the instructor (or a drill inject), a host acting for the scenario, a headless script. */
export type CommandSource = (typeof COMMAND_SOURCES)[number];

/** `refused`: a trainee's order the game turned down (not a command: nothing happened), kept for the debrief. */
export const MARK_KINDS = ['bookmark', 'note', 'hint', 'refused'] as const;
export type MarkKind = (typeof MARK_KINDS)[number];

export const TICKS_PER_HOUR = 3600 / TICK_SECONDS;
const MAX_TICK = 24 * 14 * TICKS_PER_HOUR; // the longest scenario the schema allows
const tick = { kind: 'number', int: true, min: 0, max: MAX_TICK, doc: '10-sim-second ticks since the scenario began' } as const;
const hex16 = { kind: 'string', pattern: '^[0-9a-f]{16}$' } as const;
const text = (max: number) => ({ kind: 'string', pattern: `^[\\s\\S]{0,${max}}$` }) as const;

export const REPLAY_SPEC = {
  kind: 'object',
  doc: 'A Supernode Storm replay (.skyreplay, gzip-compressed JSON): scenario + seed + timed commands + checksums.',
  optional: ['drillId', 'checkMode', 'branchedFrom', 'scenario'],
  fields: {
    format: { kind: 'string', enum: [REPLAY_FORMAT] },
    formatVersion: { kind: 'number', int: true, min: 1, max: FORMAT_VERSION, doc: 'file layout version; readers refuse newer ones' },
    simVersion: { kind: 'string', pattern: '^[0-9]{1,6}$', doc: 'simulation rules version; must equal the reader\'s to re-simulate' },
    scenarioId: { kind: 'string', pattern: '^[a-z0-9-]{1,40}$' },
    scenarioHash: { ...hex16, doc: 'FNV-1a (2 x 32 bit) of the canonical JSON of the scenario' },
    scenario: { ...SCENARIO_SPEC, doc: 'the scenario the run used; if absent, scenarioId must be a built-in scenario' },
    seed: { kind: 'number', int: true, min: -2147483648, max: 4294967295 },
    drillId: { kind: 'string', pattern: '^[a-z0-9-]{1,60}$' },
    checkMode: { kind: 'boolean', doc: 'a drill played in check mode (an assessment): hints were not shown to the trainee' },
    createdAt: { kind: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$', doc: 'ISO time, UTC' },
    checksumEveryTicks: { kind: 'number', int: true, min: 1, max: MAX_TICK },
    commands: {
      kind: 'array',
      items: {
        kind: 'object',
        optional: ['injectId'],
        fields: {
          tick,
          source: { kind: 'string', enum: COMMAND_SOURCES },
          command: checkedElsewhere<Command>('a Command, checked by validateCommand (src/sim/commands.ts)'),
          injectId: { kind: 'string', pattern: '^[a-z0-9-]{1,60}$', doc: 'the drill inject this command was (drills only)' },
        },
      },
    },
    marks: {
      kind: 'array',
      items: {
        kind: 'object',
        optional: ['author'],
        fields: { tick, kind: { kind: 'string', enum: MARK_KINDS }, text: text(2000), author: text(80) },
      },
    },
    checksums: { kind: 'array', items: { kind: 'object', fields: { tick, checksum: hex16 } } },
    endTick: tick,
    finalChecksum: hex16,
    branchedFrom: { kind: 'object', fields: { replayHash: hex16, tick } },
  },
} as const satisfies Spec;

/** A replay as its file holds it: the scenario may be left out for a built-in one. */
export type RecordingFile = Infer<typeof REPLAY_SPEC>;
/**
 * A checked replay (parseRecording): the scenario is always there, carried whole so a replay
 * of a custom scenario is self-contained; `scenarioHash` seals it; commands are in tick order
 * (same-tick ones in the order given); checksum ticks strictly increase; `finalChecksum` is
 * the state's at endTick, after that tick's commands; `createdAt` is set by the host.
 */
export type Recording = Omit<RecordingFile, 'scenario'> & { scenario: Scenario };
/** An accepted command, applied at `tick` after the step that reached `tick`; `injectId`: a drill's scripted inject, so a resumed drill does not fire it twice. */
export type RecordedCommand = Recording['commands'][number];
export type Mark = Recording['marks'][number];
/** checksum(state) right after the step that reached `tick`, before that tick's commands. */
export type ChecksumMark = Recording['checksums'][number];
