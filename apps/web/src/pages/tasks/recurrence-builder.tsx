// The editor's recurrence builder: frequency, interval, weekdays, an end after N times; the rule
// in words and its next three dates, as the server will compute them.
import {
  type Frequency,
  type RecurrenceChoice,
  type Weekday,
  buildRecurrenceRule,
  describeRecurrence,
  formatDateTime,
  nextOccurrences,
  parseRecurrenceChoice,
  weekdays,
} from '@repo/client';

interface Props {
  rule: string | null;
  anchor: Date;
  onChange: (rule: string | null) => void;
}

const DAY_NAMES: Record<Weekday, string> = {
  MO: 'Mon',
  TU: 'Tue',
  WE: 'Wed',
  TH: 'Thu',
  FR: 'Fri',
  SA: 'Sat',
  SU: 'Sun',
};
const UNIT: Record<Frequency, string> = {
  DAILY: 'days',
  WEEKLY: 'weeks',
  MONTHLY: 'months',
  YEARLY: 'years',
};

export function RecurrenceBuilder({ rule, anchor, onChange }: Props) {
  const choice = rule ? parseRecurrenceChoice(rule) : null;
  const set = (patch: Partial<RecurrenceChoice>) =>
    onChange(
      buildRecurrenceRule({
        frequency: 'WEEKLY',
        interval: 1,
        byDay: [],
        count: null,
        ...choice,
        ...patch,
      }),
    );
  const words = rule ? describeRecurrence(rule) : null;
  const next = rule ? nextOccurrences(rule, anchor, 3) : [];

  return (
    <fieldset className="recurrence">
      <legend>Repeat</legend>
      <div className="row">
        <label className="field">
          <span>Frequency</span>
          <select
            value={rule ? (choice?.frequency ?? 'custom') : 'none'}
            onChange={(e) =>
              e.target.value === 'none'
                ? onChange(null)
                : set({ frequency: e.target.value as Frequency, byDay: [] })
            }
          >
            <option value="none">Does not repeat</option>
            <option value="DAILY">Daily</option>
            <option value="WEEKLY">Weekly</option>
            <option value="MONTHLY">Monthly</option>
            <option value="YEARLY">Yearly</option>
            {rule && !choice && <option value="custom">Custom rule</option>}
          </select>
        </label>
        {choice && (
          <>
            <label className="field narrow-input">
              <span>Every ({UNIT[choice.frequency]})</span>
              <input
                type="number"
                min={1}
                max={999}
                value={choice.interval}
                onChange={(e) =>
                  set({ interval: Math.max(1, Math.min(999, Number(e.target.value) || 1)) })
                }
              />
            </label>
            <label className="field narrow-input">
              <span>Ends after (times)</span>
              <input
                type="number"
                min={1}
                max={999}
                placeholder="Never"
                value={choice.count ?? ''}
                onChange={(e) =>
                  set({
                    count: e.target.value
                      ? Math.max(1, Math.min(999, Number(e.target.value)))
                      : null,
                  })
                }
              />
            </label>
          </>
        )}
      </div>
      {choice?.frequency === 'WEEKLY' && (
        <div className="weekdays" role="group" aria-label="On days">
          {weekdays.map((day) => {
            const on = choice.byDay.includes(day);
            return (
              <button
                key={day}
                type="button"
                aria-pressed={on}
                className={on ? 'active' : ''}
                onClick={() =>
                  set({
                    byDay: on ? choice.byDay.filter((d) => d !== day) : [...choice.byDay, day],
                  })
                }
              >
                {DAY_NAMES[day]}
              </button>
            );
          })}
        </div>
      )}
      {rule && (
        <div className="recurrence-summary">
          <p>
            <strong>Repeats {words ?? 'by a custom rule'}</strong> <code>{rule}</code>
          </p>
          {next.length > 0 && (
            <p className="muted">Next: {next.map((d) => formatDateTime(d)).join(' · ')}</p>
          )}
        </div>
      )}
    </fieldset>
  );
}
