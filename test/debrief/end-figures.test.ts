// The end screen's figures table, as the player reads it: a column per run, Skype's named by
// its own run (review: the aug-2007 table said "Skype 2010" over Skype's 2007 response).
import { describe, expect, it } from 'vitest';
import { buildDebrief, endDebriefOf } from '../../src/debrief/index';
import { runHeading } from '../../src/renderer/screens/end-figures';
import { record } from '../replay/helpers';

const headings = (scenario: string) => endDebriefOf(buildDebrief(record(scenario, 1), { everyMin: 30 })).runs.map(runHeading);

describe('the end screen\'s figures table', () => {
  it('heads Skype\'s column with the year of the scenario played', () => {
    const aug = headings('aug-2007');
    expect(aug).toEqual(['You', 'No action', "Skype's response, Aug 2007"]);
    expect(aug.join(' ')).not.toMatch(/2010/);
    expect(headings('dec-2010')[2]).toBe("Skype's response, Dec 2010");
  });
});
