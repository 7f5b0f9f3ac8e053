// The fuzz suite's fast default (seconds, inside `npm test`): the same generators as
// `npm run fuzz -- --long` (test/fuzz/long.ts), fewer cases, fixed seeds.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../src/main/host/web';
import { prng } from '../replay/helpers';
import { fuzzClis } from './cli-fuzz';
import { disposeCorpus, fuzzFiles, makeCorpus, type Corpus } from './file-fuzz';
import { fuzzHost } from './ws-fuzz';

const SEED = Number(process.env.FUZZ_SEED ?? 20101222);

describe('fuzz (fast)', () => {
  let web: WebHost;
  let corpus: Corpus;
  const logs: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'storm-fuzz-'));
  beforeAll(async () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Supernode Storm</title>');
    web = await startWebHost({ port: 0, rendererDir: dir, dataDir: join(dir, 'data'), scenarioId: 'normal-day', seed: 1, paused: true, log: (l) => logs.push(l), limits: { messagesPerSecond: 1e9, burstMessages: 1e9 } });
    corpus = makeCorpus();
  });
  afterAll(async () => {
    await web?.close();
    if (corpus) disposeCorpus(corpus);
    rmSync(dir, { recursive: true, force: true });
  });

  it('600 hostile WebSocket messages: one clear answer each, refusals change nothing, the host serves on', async () => {
    const s = await fuzzHost(web, 600, prng(SEED));
    expect(s.findings).toEqual([]);
    expect(s.messages).toBe(600);
    expect(s.refused).toBeGreaterThan(400);
    expect(logs.filter((l) => /failed/.test(l))).toEqual([]); // nothing reached the last guard
  }, 180_000);

  it('250 file mutants (replay, drill, scenario, actions, journal): accepted and working, or refused in one line', () => {
    const s = fuzzFiles(corpus, 250, prng(SEED + 1));
    expect(s.findings).toEqual([]);
    expect(s.mutants).toBe(250);
    for (const k of Object.keys(s.refused) as (keyof typeof s.refused)[]) expect(s.refused[k], k).toBeGreaterThan(0);
  }, 180_000);

  it('refused mutants through the CLIs: one line, exit 2', () => {
    const s = fuzzClis(corpus, 2, prng(SEED + 2));
    expect(s.findings).toEqual([]);
    expect(s.runs).toBe(2);
  }, 300_000);
});
