// Calibration against Skype's post-mortem (seed 000_f981e0b73a02fbe7.txt) and the
// August 2007 accounts (seeds 002, 004). Minute 0 of dec-2010 = 22 Dec 2010 16:00 GMT.
import { describe, expect, it } from 'vitest';
import { run, type Run } from './helpers';

describe('dec-2010 with no action', () => {
  let r: Run;
  it('runs 48 hours', () => {
    r = run('dec-2010');
    expect(r.rows.length).toBe(48 * 6 + 1);
  });

  it('about 20% of all clients crash (40% of the half on 5.0.0152)', () => {
    const crashedShare = r.at(2).m.crashedClients / r.at(0).m.wantOnline;
    expect(crashedShare).toBeGreaterThan(0.16);
    expect(crashedShare).toBeLessThan(0.24);
  });

  it('the crash wave itself takes 25-30% of supernodes', () => {
    const lost = r.state.totals.supernodesCrashed / r.at(0).m.supernodesUp;
    expect(lost).toBeGreaterThan(0.23);
    expect(lost).toBeLessThan(0.32);
  });

  it('traffic to supernodes reaches about 100x normal shortly after the crash', () => {
    const early = r.rows.filter((x) => x.minute > 0 && x.minute <= 40).map((x) => x.m.supernodeTrafficX);
    expect(Math.max(...early)).toBeGreaterThan(60);
    expect(r.at(0.5).m.supernodeTrafficX).toBeLessThan(200);
  });

  it('the cascade comes a few hours later: near-complete failure', () => {
    expect(r.share(0.5)).toBeGreaterThan(0.6); // not instant
    expect(r.share(3)).toBeLessThan(0.1);
    expect(r.at(3).m.supernodesUp).toBeLessThan(0.4 * r.at(0).m.supernodesUp);
    expect(r.at(3).phase).toBe('collapse');
  });

  it('it does not recover on its own within 12 hours', () => {
    for (const h of [4, 6, 8, 10, 12]) expect(r.share(h), `at ${h} h`).toBeLessThan(0.15);
  });
});

describe('dec-2010 with what Skype did (historical)', () => {
  let r: Run;
  it('runs 48 hours', () => {
    r = run('dec-2010', 'historical');
  });

  it('by late Wednesday night PST only 15-20% of users have healed', () => {
    // 22:00 PST Wed = 06:00 GMT Thu = 14 h in
    expect(r.share(14)).toBeGreaterThan(0.12);
    expect(r.share(14)).toBeLessThan(0.25);
  });

  it('the majority can connect by early morning PST on 23 December', () => {
    // 06:00 PST Thu = 14:00 GMT = 22 h in
    expect(r.share(22)).toBeGreaterThan(0.5);
  });

  it('is back to normal within about two days, with mega-supernodes being withdrawn', () => {
    for (const h of [30, 36, 42, 48]) expect(r.share(h), `at ${h} h`).toBeGreaterThan(0.85);
    expect(r.at(48).m.megaSupernodesUp).toBeLessThan(r.at(30).m.megaSupernodesUp);
    expect(r.at(48).m.supernodesUp).toBeGreaterThan(0.9 * r.at(0).m.supernodesUp);
  });

  it('loses far fewer user-hours than doing nothing', () => {
    const none = run('dec-2010').state.totals.userHoursLost;
    expect(r.state.totals.userHoursLost).toBeLessThan(0.6 * none);
  });
});

describe('aug-2007: the Windows Update reboot storm', () => {
  it('a mass reboot floods the login servers and starves the network for a long time', () => {
    const r = run('aug-2007', [], 24);
    expect(r.share(5 / 6)).toBeGreaterThan(0.95); // before the reboots
    for (const h of [6, 9, 12, 18, 24]) expect(r.share(h), `at ${h} h`).toBeLessThan(0.2);
    expect(r.at(12).m.loginAttemptsPerS).toBeGreaterThan(20 * r.at(12).m.loginsOkPerS + 1000);
  });

  it('admission control at the login servers lets it heal within hours', () => {
    const r = run('aug-2007', [{ atMinute: 120, command: { type: 'throttleLogins', perSecond: 500 } }], 24);
    expect(r.share(4)).toBeLessThan(0.8);
    expect(r.share(8)).toBeGreaterThan(0.9);
  });
});

describe('normal-day', () => {
  it('stays calm for two days with nothing done', () => {
    const r = run('normal-day');
    for (const row of r.rows) expect(row.m.onlineUsers / row.m.wantOnline).toBeGreaterThan(0.97);
    expect(r.state.totals.crashedClients).toBe(0);
    expect(r.at(18).m.wantOnline / r.at(10).m.wantOnline).toBeGreaterThan(1.2); // the day has a shape
  });
});
