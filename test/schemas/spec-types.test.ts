// One schema source (issue 9): the TypeScript types of scenarios, drills and replays are
// inferred from the same specs that check the files and write docs/*.schema.json. These
// assertions are checked by `npm run typecheck` (tsconfig.node.json includes test/): if
// `Infer` or a spec stops giving the types the code relies on, the type check fails.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Command, CommandType, RegionId, Scenario, TimedCommand } from '../../src/sim/index';
import type { MegaSourceSpec, RetrySpec, VersionSpec } from '../../src/sim/scenario';
import { SCENARIO_SPEC } from '../../src/sim/scenario';
import type { Condition, Drill, Inject, Objective } from '../../src/drill/drill';
import type { ChecksumMark, Mark, RecordedCommand, Recording, RecordingFile } from '../../src/replay/recording';
import { check, checkedElsewhere, type Infer } from '../../src/sim/schema';

describe('types inferred from the specs', () => {
  it('scenario: tagged retry rules, a share per region, timed commands, optional history', () => {
    expectTypeOf<RetrySpec>().toEqualTypeOf<{ kind: 'tight'; intervalS: number } | { kind: 'backoff'; baseS: number; capS: number }>();
    expectTypeOf<Scenario['population']['regionShares']>().toEqualTypeOf<Record<RegionId, number>>();
    expectTypeOf<Scenario['timeline']>().toEqualTypeOf<TimedCommand[]>();
    expectTypeOf<Scenario['historical']>().toEqualTypeOf<TimedCommand[] | undefined>();
    expectTypeOf<VersionSpec['crashesOnSlowIm']>().toEqualTypeOf<boolean>();
    expectTypeOf<MegaSourceSpec>().toEqualTypeOf<{ available: number; provisionMin: number; costPerHourUsd: number; clientCapacity: number; acceptPerS: number; perHour: number; note?: string }>();
    expectTypeOf<keyof Scenario['services']['mega']>().toEqualTypeOf<'dedicated' | 'groupVideo' | 'cloud'>();
    // Every field the spec checks is a field of the type, and no other.
    expectTypeOf<keyof Scenario>().toEqualTypeOf<keyof (typeof SCENARIO_SPEC)['fields']>();
  });

  it('drill: objectives by kind, injects with conditions and a command, allowed verbs', () => {
    expectTypeOf<Extract<Objective, { kind: 'onlineShareBy' }>>().toEqualTypeOf<{ id: string; text: string; kind: 'onlineShareBy'; share: number; byMinute: number }>();
    expectTypeOf<Inject>().toEqualTypeOf<{ id: string; atMinute?: number; when?: Condition | Condition[]; command: Command }>();
    expectTypeOf<Condition['op']>().toEqualTypeOf<'<' | '>' | '='>();
    expectTypeOf<Drill['allowedActions'][number]>().toExtend<CommandType>();
    expectTypeOf<Drill['scoring']>().toEqualTypeOf<{ weights: Record<string, number>; userHoursLostPenaltyPerMillion?: number; costPenaltyPer10k?: number }>();
  });

  it('replay: the file may leave out a built-in scenario; a checked recording always has it', () => {
    expectTypeOf<RecordingFile['scenario']>().toEqualTypeOf<Scenario | undefined>();
    expectTypeOf<Recording['scenario']>().toEqualTypeOf<Scenario>();
    expectTypeOf<Recording['format']>().toEqualTypeOf<'skyreplay'>();
    expectTypeOf<RecordedCommand>().toEqualTypeOf<{ tick: number; source: 'trainee' | 'instructor' | 'scenario' | 'script'; command: Command; injectId?: string }>();
    expectTypeOf<Mark>().toEqualTypeOf<{ tick: number; kind: 'bookmark' | 'note' | 'hint' | 'refused'; text: string; author?: string }>();
    expectTypeOf<ChecksumMark>().toEqualTypeOf<{ tick: number; checksum: string }>();
  });

  it('a spec written as const checks at run time exactly the shape its type promises', () => {
    const SPEC = {
      kind: 'object',
      optional: ['note'],
      fields: {
        region: { kind: 'string', enum: ['europe', 'asia-pac'] },
        count: { kind: 'number', int: true, min: 1, max: 1000 },
        note: { kind: 'string' },
        order: checkedElsewhere<Command>('checked by validateCommand'),
      },
    } as const;
    type Deploy = Infer<typeof SPEC>;
    expectTypeOf<Deploy>().toEqualTypeOf<{ region: 'europe' | 'asia-pac'; count: number; note?: string; order: Command }>();
    const ok: Deploy = { region: 'europe', count: 200, order: { type: 'setGroupVideo', enabled: true } };
    expect(check(SPEC, ok)).toBeNull();
    expect(check(SPEC, { ...ok, region: 'mars' })).toMatchObject({ path: 'region' });
    expect(check(SPEC, { region: 'europe', order: ok.order })).toEqual({ path: 'count', message: 'is missing' });
  });
});
