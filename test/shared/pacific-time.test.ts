// The top bar's Pacific clock: PDT in August 2007, PST in December 2010, and the switch on the
// right Sunday at 02:00 local time under both the 2007 and the older US rules.
import { describe, expect, it } from 'vitest';
import { pacificTime } from '../../src/shared/pacific-time';

const at = (iso: string) => pacificTime(Date.parse(iso));

describe('US Pacific time', () => {
  it('the scenarios: PST on 22 Dec 2010, PDT on 16 Aug 2007', () => {
    expect(at('2010-12-22T16:00:00Z')).toEqual({ offsetH: -8, zone: 'PST' });
    expect(at('2007-08-16T12:00:00Z')).toEqual({ offsetH: -7, zone: 'PDT' });
  });

  it('from 2007: the second Sunday of March to the first Sunday of November', () => {
    // 11 Mar 2007: 02:00 PST = 10:00 UTC.
    expect(at('2007-03-11T09:59:00Z').zone).toBe('PST');
    expect(at('2007-03-11T10:00:00Z').zone).toBe('PDT');
    // 4 Nov 2007: 02:00 PDT = 09:00 UTC.
    expect(at('2007-11-04T08:59:00Z').zone).toBe('PDT');
    expect(at('2007-11-04T09:00:00Z').zone).toBe('PST');
    // 2010: 14 March and 7 November.
    expect(at('2010-03-14T09:59:00Z').zone).toBe('PST');
    expect(at('2010-03-14T10:00:00Z').zone).toBe('PDT');
    expect(at('2010-11-07T08:59:00Z').zone).toBe('PDT');
    expect(at('2010-11-07T09:00:00Z').zone).toBe('PST');
  });

  it('before 2007: the first Sunday of April to the last Sunday of October', () => {
    // 2 Apr 2006 and 29 Oct 2006.
    expect(at('2006-03-12T12:00:00Z').zone).toBe('PST'); // the 2007 rule would say PDT
    expect(at('2006-04-02T09:59:00Z').zone).toBe('PST');
    expect(at('2006-04-02T10:00:00Z').zone).toBe('PDT');
    expect(at('2006-10-29T08:59:00Z').zone).toBe('PDT');
    expect(at('2006-10-29T09:00:00Z').zone).toBe('PST');
    expect(at('2006-11-01T12:00:00Z').zone).toBe('PST'); // the 2007 rule would say PDT
  });
});
