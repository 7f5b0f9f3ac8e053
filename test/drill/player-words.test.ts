// What a trainee reads of a shipped drill (its name, briefing, objectives and hints, shown on
// the trainee panel, the console timeline and the report) names things by their display names
// (src/sim/names.ts), never by the code names commands and files use.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HOTFIXES, MEGA_SOURCES, PLAYER_VERBS, INJECT_VERBS, REGION_IDS, SERVICES } from '../../src/sim/index';
import { readDrill } from '../../src/drill/node';

// Code names that are not also plain words ('login', 'update', 'dedicated' and 'cloud' are).
const CODE_NAMES = [...HOTFIXES, ...MEGA_SOURCES, ...SERVICES, ...REGION_IDS, ...PLAYER_VERBS, ...INJECT_VERBS].filter((id) => /[A-Z-]/.test(id));
const codeName = new RegExp(`\\b(${CODE_NAMES.join('|')})\\b`);
const drills = readdirSync('drills').filter((f) => f.endsWith('.json'));

describe('shipped drills speak the player\'s words', () => {
  it('knows what it is looking for', () => {
    expect(CODE_NAMES).toEqual(expect.arrayContaining(['imCrashFix', 'selfHealingFix', 'groupVideo', 'offlineIm', 'asia-pac', 'na-east']));
    expect(drills.length).toBeGreaterThanOrEqual(3);
  });

  it.each(drills)('%s: name, briefing, objectives and hints carry no code name', (file) => {
    const d = readDrill(`drills/${file}`);
    const texts = [d.name, d.briefing, ...d.objectives.map((o) => o.text), ...d.hints.map((h) => h.text)];
    expect(texts.filter((t) => codeName.test(t))).toEqual([]);
  });
});
