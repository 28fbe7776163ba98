import { describe, expect, it } from 'vitest';
import { isOpenAt } from './opening-hours.js';

// A night line on Fridays, 22:00–02:00 in Oslo (winter: UTC+1); the schema allows such hours.
const NIGHT = [{ days: [5], opens: '22:00', closes: '02:00' }];
const oslo = (local: string) => new Date(`${local}+01:00`);

describe('opening hours that cross midnight', () => {
  it('are open from the evening until the morning after', () => {
    // Friday 4 December 2026 and the night that follows.
    expect(isOpenAt(NIGHT, 'Europe/Oslo', oslo('2026-12-04T21:59:00'))).toBe(false);
    expect(isOpenAt(NIGHT, 'Europe/Oslo', oslo('2026-12-04T22:00:00'))).toBe(true);
    expect(isOpenAt(NIGHT, 'Europe/Oslo', oslo('2026-12-04T23:30:00'))).toBe(true);
    expect(isOpenAt(NIGHT, 'Europe/Oslo', oslo('2026-12-05T00:00:00'))).toBe(true);
    expect(isOpenAt(NIGHT, 'Europe/Oslo', oslo('2026-12-05T01:59:00'))).toBe(true);
    expect(isOpenAt(NIGHT, 'Europe/Oslo', oslo('2026-12-05T02:00:00'))).toBe(false);
  });

  it('are not open on the other nights', () => {
    expect(isOpenAt(NIGHT, 'Europe/Oslo', oslo('2026-12-05T23:00:00'))).toBe(false); // Saturday evening
    expect(isOpenAt(NIGHT, 'Europe/Oslo', oslo('2026-12-04T01:00:00'))).toBe(false); // Friday small hours: Thursday is closed
  });

  it('a Sunday night runs into Monday', () => {
    const sunday = [{ days: [7], opens: '20:00', closes: '01:00' }];
    expect(isOpenAt(sunday, 'Europe/Oslo', oslo('2026-12-07T00:30:00'))).toBe(true); // Monday 00:30
    expect(isOpenAt(sunday, 'Europe/Oslo', oslo('2026-12-08T00:30:00'))).toBe(false); // Tuesday 00:30
  });

  it('daytime hours still work as before', () => {
    const day = [{ days: [1, 2, 3, 4, 5], opens: '09:00', closes: '16:00' }];
    expect(isOpenAt(day, 'Europe/Oslo', oslo('2026-12-04T10:00:00'))).toBe(true);
    expect(isOpenAt(day, 'Europe/Oslo', oslo('2026-12-04T16:00:00'))).toBe(false);
    expect(isOpenAt([{ days: [6], opens: '00:00', closes: '24:00' }], 'Europe/Oslo', oslo('2026-12-05T23:59:00'))).toBe(true);
  });
});

// The weekly hours in data/helplines/*.json, written out: both helplines are in Europe/Oslo.
// Røde Kors-telefonen: telephone Monday–Friday 09:00–16:00, chat Monday and Friday 09:00–15:30,
// voicemail every day around the clock. Kors på halsen: telephone Monday–Friday 14:00–22:00.
const RK_TELEPHONE = [{ days: [1, 2, 3, 4, 5], opens: '09:00', closes: '16:00' }];
const RK_CHAT = [{ days: [1, 5], opens: '09:00', closes: '15:30' }];
const RK_VOICEMAIL = [{ days: [1, 2, 3, 4, 5, 6, 7], opens: '00:00', closes: '24:00' }];
const KPH_TELEPHONE = [{ days: [1, 2, 3, 4, 5], opens: '14:00', closes: '22:00' }];
// An evening line from Saturday 20:00 until 02:00 on Sunday, and one until 03:00.
const SATURDAY_NIGHT = [{ days: [6], opens: '20:00', closes: '02:00' }];
const SATURDAY_LATE = [{ days: [6], opens: '20:00', closes: '03:00' }];

// Instants are written in UTC, with the wall-clock time they are in the helpline's zone beside them.
const at = (utc: string) => new Date(utc);

describe('the helplines’ own hours, on the Oslo clock', () => {
  it('Røde Kors-telefonen on Tuesday 1 December 2026 (winter, UTC+1)', () => {
    expect(isOpenAt(RK_TELEPHONE, 'Europe/Oslo', at('2026-12-01T07:59:00Z'))).toBe(false); // 08:59
    expect(isOpenAt(RK_TELEPHONE, 'Europe/Oslo', at('2026-12-01T08:00:00Z'))).toBe(true); // 09:00
    expect(isOpenAt(RK_TELEPHONE, 'Europe/Oslo', at('2026-12-01T14:59:00Z'))).toBe(true); // 15:59
    expect(isOpenAt(RK_TELEPHONE, 'Europe/Oslo', at('2026-12-01T15:00:00Z'))).toBe(false); // 16:00
    // The chat is open on Mondays and Fridays only.
    expect(isOpenAt(RK_CHAT, 'Europe/Oslo', at('2026-12-01T09:00:00Z'))).toBe(false); // Tuesday 10:00
    expect(isOpenAt(RK_CHAT, 'Europe/Oslo', at('2026-12-04T14:29:00Z'))).toBe(true); // Friday 15:29
    expect(isOpenAt(RK_CHAT, 'Europe/Oslo', at('2026-12-04T14:30:00Z'))).toBe(false); // Friday 15:30
  });

  it('in summer (UTC+2) the same wall-clock hours are an hour earlier in UTC', () => {
    expect(isOpenAt(RK_TELEPHONE, 'Europe/Oslo', at('2026-06-02T06:59:00Z'))).toBe(false); // Tuesday 08:59
    expect(isOpenAt(RK_TELEPHONE, 'Europe/Oslo', at('2026-06-02T07:00:00Z'))).toBe(true); // 09:00
    expect(isOpenAt(RK_TELEPHONE, 'Europe/Oslo', at('2026-06-02T13:59:00Z'))).toBe(true); // 15:59
    expect(isOpenAt(RK_TELEPHONE, 'Europe/Oslo', at('2026-06-02T14:00:00Z'))).toBe(false); // 16:00
  });

  it('the last minute of a day and the first of the next', () => {
    // Kors på halsen closes at 22:00 and is closed all weekend.
    expect(isOpenAt(KPH_TELEPHONE, 'Europe/Oslo', at('2026-12-04T20:59:00Z'))).toBe(true); // Friday 21:59
    expect(isOpenAt(KPH_TELEPHONE, 'Europe/Oslo', at('2026-12-04T21:00:00Z'))).toBe(false); // Friday 22:00
    expect(isOpenAt(KPH_TELEPHONE, 'Europe/Oslo', at('2026-12-05T13:00:00Z'))).toBe(false); // Saturday 14:00
    expect(isOpenAt(KPH_TELEPHONE, 'Europe/Oslo', at('2026-12-07T13:00:00Z'))).toBe(true); // Monday 14:00
    // The voicemail answers through Sunday 23:59 into Monday 00:00.
    expect(isOpenAt(RK_VOICEMAIL, 'Europe/Oslo', at('2026-12-06T22:59:00Z'))).toBe(true); // Sunday 23:59
    expect(isOpenAt(RK_VOICEMAIL, 'Europe/Oslo', at('2026-12-06T23:00:00Z'))).toBe(true); // Monday 00:00
    // A line open only in Monday's first hour: at 23:30 UTC on Sunday it is already Monday in Oslo.
    const mondayFirstHour = [{ days: [1], opens: '00:00', closes: '01:00' }];
    expect(isOpenAt(mondayFirstHour, 'Europe/Oslo', at('2026-12-06T22:59:00Z'))).toBe(false); // Sunday 23:59
    expect(isOpenAt(mondayFirstHour, 'Europe/Oslo', at('2026-12-06T23:00:00Z'))).toBe(true); // Monday 00:00
    expect(isOpenAt(mondayFirstHour, 'Europe/Oslo', at('2026-12-06T23:59:00Z'))).toBe(true); // Monday 00:59
    expect(isOpenAt(mondayFirstHour, 'Europe/Oslo', at('2026-12-07T00:00:00Z'))).toBe(false); // Monday 01:00
  });
});

describe('an evening line from 20:00 until 02:00', () => {
  it('is open from Saturday evening into the small hours of Sunday, not on Sunday evening', () => {
    expect(isOpenAt(SATURDAY_NIGHT, 'Europe/Oslo', at('2026-12-05T18:59:00Z'))).toBe(false); // Saturday 19:59
    expect(isOpenAt(SATURDAY_NIGHT, 'Europe/Oslo', at('2026-12-05T19:00:00Z'))).toBe(true); // Saturday 20:00
    expect(isOpenAt(SATURDAY_NIGHT, 'Europe/Oslo', at('2026-12-05T22:59:00Z'))).toBe(true); // Saturday 23:59
    expect(isOpenAt(SATURDAY_NIGHT, 'Europe/Oslo', at('2026-12-05T23:00:00Z'))).toBe(true); // Sunday 00:00
    expect(isOpenAt(SATURDAY_NIGHT, 'Europe/Oslo', at('2026-12-06T00:59:00Z'))).toBe(true); // Sunday 01:59
    expect(isOpenAt(SATURDAY_NIGHT, 'Europe/Oslo', at('2026-12-06T01:00:00Z'))).toBe(false); // Sunday 02:00
    expect(isOpenAt(SATURDAY_NIGHT, 'Europe/Oslo', at('2026-12-06T19:00:00Z'))).toBe(false); // Sunday 20:00
  });
});

// Norway and Denmark change their clocks together: on the last Sunday of March at 02:00 (01:00
// UTC) to 03:00, on the last Sunday of October at 03:00 (01:00 UTC) back to 02:00.
describe.each(['Europe/Oslo', 'Europe/Copenhagen'])('daylight saving time in %s', (zone) => {
  it('the night of 28–29 March 2026 has no 02:00–03:00: the 02:00 line closes at 01:59, the 03:00 line too', () => {
    expect(isOpenAt(SATURDAY_NIGHT, zone, at('2026-03-28T19:00:00Z'))).toBe(true); // Saturday 20:00 (UTC+1)
    expect(isOpenAt(SATURDAY_NIGHT, zone, at('2026-03-29T00:59:00Z'))).toBe(true); // Sunday 01:59 (UTC+1)
    expect(isOpenAt(SATURDAY_NIGHT, zone, at('2026-03-29T01:00:00Z'))).toBe(false); // Sunday 03:00 (UTC+2)
    expect(isOpenAt(SATURDAY_LATE, zone, at('2026-03-29T00:59:00Z'))).toBe(true); // Sunday 01:59
    expect(isOpenAt(SATURDAY_LATE, zone, at('2026-03-29T01:00:00Z'))).toBe(false); // Sunday 03:00: closed
    expect(isOpenAt(RK_VOICEMAIL, zone, at('2026-03-29T01:00:00Z'))).toBe(true);
  });

  it('the weekday hours follow the clock on the Friday before and the Monday after the March change', () => {
    expect(isOpenAt(RK_TELEPHONE, zone, at('2026-03-27T07:59:00Z'))).toBe(false); // Friday 08:59 (UTC+1)
    expect(isOpenAt(RK_TELEPHONE, zone, at('2026-03-27T08:00:00Z'))).toBe(true); // Friday 09:00
    expect(isOpenAt(RK_TELEPHONE, zone, at('2026-03-30T06:59:00Z'))).toBe(false); // Monday 08:59 (UTC+2)
    expect(isOpenAt(RK_TELEPHONE, zone, at('2026-03-30T07:00:00Z'))).toBe(true); // Monday 09:00
    expect(isOpenAt(RK_TELEPHONE, zone, at('2026-03-30T13:59:00Z'))).toBe(true); // Monday 15:59
    expect(isOpenAt(RK_TELEPHONE, zone, at('2026-03-30T14:00:00Z'))).toBe(false); // Monday 16:00
  });

  it('the night of 24–25 October 2026 lives 02:00–03:00 twice: the 02:00 line is closed both times, the 03:00 line open both', () => {
    expect(isOpenAt(SATURDAY_NIGHT, zone, at('2026-10-24T23:59:00Z'))).toBe(true); // Sunday 01:59 (UTC+2)
    expect(isOpenAt(SATURDAY_NIGHT, zone, at('2026-10-25T00:00:00Z'))).toBe(false); // Sunday 02:00 (UTC+2)
    expect(isOpenAt(SATURDAY_NIGHT, zone, at('2026-10-25T01:30:00Z'))).toBe(false); // Sunday 02:30 again (UTC+1)
    expect(isOpenAt(SATURDAY_LATE, zone, at('2026-10-25T00:30:00Z'))).toBe(true); // Sunday 02:30 (UTC+2)
    expect(isOpenAt(SATURDAY_LATE, zone, at('2026-10-25T01:30:00Z'))).toBe(true); // Sunday 02:30 again (UTC+1)
    expect(isOpenAt(SATURDAY_LATE, zone, at('2026-10-25T01:59:00Z'))).toBe(true); // Sunday 02:59 (UTC+1)
    expect(isOpenAt(SATURDAY_LATE, zone, at('2026-10-25T02:00:00Z'))).toBe(false); // Sunday 03:00 (UTC+1)
  });

  it('the weekday hours follow the clock on the Friday before and the Monday after the October change', () => {
    expect(isOpenAt(RK_TELEPHONE, zone, at('2026-10-23T06:59:00Z'))).toBe(false); // Friday 08:59 (UTC+2)
    expect(isOpenAt(RK_TELEPHONE, zone, at('2026-10-23T07:00:00Z'))).toBe(true); // Friday 09:00
    expect(isOpenAt(RK_TELEPHONE, zone, at('2026-10-26T07:59:00Z'))).toBe(false); // Monday 08:59 (UTC+1)
    expect(isOpenAt(RK_TELEPHONE, zone, at('2026-10-26T08:00:00Z'))).toBe(true); // Monday 09:00
    expect(isOpenAt(RK_TELEPHONE, zone, at('2026-10-26T14:59:00Z'))).toBe(true); // Monday 15:59
    expect(isOpenAt(RK_TELEPHONE, zone, at('2026-10-26T15:00:00Z'))).toBe(false); // Monday 16:00
  });
});

describe('the helpline’s time zone, not the server’s or UTC, decides', () => {
  it('the same instant is open in Copenhagen and still closed in the Faroe Islands, an hour behind', () => {
    // Tuesday 1 December 2026 08:30 UTC: 09:30 in Copenhagen, 08:30 in Tórshavn.
    expect(isOpenAt(RK_TELEPHONE, 'Europe/Copenhagen', at('2026-12-01T08:30:00Z'))).toBe(true);
    expect(isOpenAt(RK_TELEPHONE, 'Atlantic/Faroe', at('2026-12-01T08:30:00Z'))).toBe(false);
    // 15:30 UTC: 16:30 in Copenhagen, closed; 15:30 in Tórshavn, open.
    expect(isOpenAt(RK_TELEPHONE, 'Europe/Copenhagen', at('2026-12-01T15:30:00Z'))).toBe(false);
    expect(isOpenAt(RK_TELEPHONE, 'Atlantic/Faroe', at('2026-12-01T15:30:00Z'))).toBe(true);
  });

  it('an instant given in UTC is read on the helpline’s clock: 08:30 UTC is 09:30 in Oslo', () => {
    expect(isOpenAt(RK_TELEPHONE, 'UTC', at('2026-12-01T08:30:00Z'))).toBe(false);
    expect(isOpenAt(RK_TELEPHONE, 'Europe/Oslo', at('2026-12-01T08:30:00Z'))).toBe(true);
    // The same instant written with Oslo's offset is the same instant.
    expect(isOpenAt(RK_TELEPHONE, 'Europe/Oslo', new Date('2026-12-01T09:30:00+01:00'))).toBe(true);
    // The Friday night line (22:00–02:00) has closed in Oslo at 02:30; a UTC clock would say 01:30, open.
    expect(isOpenAt(NIGHT, 'Europe/Oslo', at('2026-12-05T01:30:00Z'))).toBe(false);
    expect(isOpenAt(NIGHT, 'UTC', at('2026-12-05T01:30:00Z'))).toBe(true);
  });
});
