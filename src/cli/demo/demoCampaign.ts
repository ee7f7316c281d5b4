import { DateTime } from 'luxon';
import { DAY } from '../../core/clock.js';
import { createSeededRandom } from '../../core/random.js';

/** The demo's campaign: what a team would set up for a week of calling, in the vendor's own words. */
export interface DemoCampaign {
  zone: string;
  start: number;
  end: number;
  strategy: Record<string, unknown>;
  recallStrategy: Record<string, unknown>;
  lineGroups: { name: string; callingNumbers: string[]; lineCapacity: number; callsPerSecond: number }[];
  /** Each job's extras are the variables of the demo's script (debt-reminder.en.yaml): name, amount, dueDate. */
  jobs: {
    contacts: { phoneNumber: string; name: string; referenceId: string; honorific: string }[];
    extras: { key: string; value: string }[];
  }[];
  /** The primary trunk's first line is down for a while on the first day, to show failover. */
  outage: { from: number; until: number };
}

const SURNAMES = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Zhao', 'Huang', 'Zhou', 'Wu'];

/** Monday 08:00 of the week after `today`, in `zone`. */
export function nextMonday8am(today: number, zone: string): number {
  const d = DateTime.fromMillis(today, { zone }).startOf('day');
  return d
    .plus({ days: 8 - d.weekday })
    .set({ hour: 8 })
    .toMillis();
}

export function demoCampaign(o: { contacts: number; seed: number; start: number; zone: string }): DemoCampaign {
  const random = createSeededRandom(o.seed);
  const phones = new Set<string>();
  while (phones.size < o.contacts) {
    const second = 3 + Math.floor(random.next() * 7);
    phones.add(`1${second}${String(Math.floor(random.next() * 1e9)).padStart(9, '0')}`);
  }
  const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
  const jobs = [...phones].map((phoneNumber, i) => {
    const surname = SURNAMES[Math.floor(random.next() * SURNAMES.length)] as string;
    const honorific = `${random.next() < 0.5 ? 'Mr.' : 'Ms.'} ${surname}`;
    // 1–30 days past due, as the reminder script expects.
    const daysLate = 1 + Math.floor(random.next() * 30);
    return {
      contacts: [
        { phoneNumber, name: `${surname} ${i + 1}`, referenceId: `CUST-${String(i + 1).padStart(6, '0')}`, honorific },
      ],
      extras: [
        { key: 'name', value: honorific },
        { key: 'amount', value: usd.format((2_500 + Math.floor(random.next() * 97_500)) / 100) },
        {
          key: 'dueDate',
          value: DateTime.fromMillis(o.start, { zone: o.zone })
            .minus({ days: daysLate })
            .toFormat('LLLL d', { locale: 'en-US' }),
        },
      ],
    };
  });
  const end = o.start + 5 * DAY;
  return {
    zone: o.zone,
    start: o.start,
    end,
    strategy: {
      name: 'weekday reminders',
      maxAttemptsPerDay: 2,
      minAttemptInterval: 120,
      RepeatBy: 'week',
      RepeatDays: [1, 2, 3, 4, 5],
      workingTime: [
        { beginTime: '09:00:00', endTime: '12:00:00' },
        { beginTime: '14:00:00', endTime: '18:00:00' },
      ],
      startTime: o.start,
      endTime: end,
    },
    recallStrategy: { emptyNumberIgnore: true, inArrearsIgnore: true, outOfServiceIgnore: true },
    lineGroups: [
      {
        name: 'Primary trunk',
        callingNumbers: ['02160000001', '02160000002', '02160000003'],
        lineCapacity: 3,
        callsPerSecond: 2,
      },
      { name: 'Backup trunk', callingNumbers: ['01080000001', '01080000002'], lineCapacity: 2, callsPerSecond: 1 },
    ],
    jobs,
    outage: { from: o.start + 2 * 3_600_000, until: o.start + 4 * 3_600_000 },
  };
}
