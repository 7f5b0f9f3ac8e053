// A refusal names what it refused in a few characters: a screen sending a 15,000-character act
// name or key gets a short answer back, its key escaped once.
import { describe, expect, it } from 'vitest';
import { validateInstructorAct, validateReplayAct } from '../../src/shared/validate-acts';
import { validateClientMessage } from '../../src/shared/validate';

describe('refusals stay short', () => {
  it('an unknown act name is quoted in at most ~60 characters, for the instructor and the replay viewer', () => {
    for (const validate of [validateInstructorAct, validateReplayAct]) {
      const r = validate({ act: 'x'.repeat(15_000) });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message.length).toBeLessThan(400);
    }
  });

  it("a command's unknown key is escaped once, in the field as in the message", () => {
    const r = validateClientMessage({ kind: 'command', id: 1, command: { type: 'throttleLogins', perSecond: 5, 'a\nb': 1 } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.field).toBe('command.a\\nb');
    expect(r.error.message).toBe('"a\\nb" is not a field of throttleLogins');
  });
});
