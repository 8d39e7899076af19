// Repeat: never, or every N days/weeks/months/years, on chosen weekdays, for a number of times.
import {
  type Frequency,
  type RecurrenceChoice,
  describeRecurrence,
  buildRecurrenceRule,
  weekdays,
} from '@repo/client';
import { StyleSheet, Text, View } from 'react-native';
import { Chip } from '../components/chip';
import { TextField } from '../components/text-field';
import { colors, space } from '../theme/theme';

const FREQUENCIES: { value: Frequency; label: string }[] = [
  { value: 'DAILY', label: 'Daily' },
  { value: 'WEEKLY', label: 'Weekly' },
  { value: 'MONTHLY', label: 'Monthly' },
  { value: 'YEARLY', label: 'Yearly' },
];

interface RecurrenceBuilderProps {
  value: RecurrenceChoice | null;
  onChange: (value: RecurrenceChoice | null) => void;
}

export function RecurrenceBuilder({ value, onChange }: RecurrenceBuilderProps) {
  const positive = (text: string) => Math.max(1, Number.parseInt(text, 10) || 1);
  return (
    <View style={styles.wrap}>
      <View style={styles.row}>
        <Chip label="Never" selected={value === null} onPress={() => onChange(null)} />
        {FREQUENCIES.map(({ value: frequency, label }) => (
          <Chip
            key={frequency}
            label={label}
            selected={value?.frequency === frequency}
            onPress={() => onChange({ interval: 1, byDay: [], count: null, ...value, frequency })}
          />
        ))}
      </View>
      {value ? (
        <>
          <TextField
            label="Every"
            keyboardType="number-pad"
            value={String(value.interval)}
            onChangeText={(text) => onChange({ ...value, interval: positive(text) })}
          />
          {value.frequency === 'WEEKLY' ? (
            <View style={styles.row}>
              {weekdays.map((day) => (
                <Chip
                  key={day}
                  label={day}
                  selected={value.byDay.includes(day)}
                  onPress={() =>
                    onChange({
                      ...value,
                      byDay: value.byDay.includes(day)
                        ? value.byDay.filter((d) => d !== day)
                        : [...value.byDay, day],
                    })
                  }
                />
              ))}
            </View>
          ) : null}
          <TextField
            label="Times (empty: forever)"
            keyboardType="number-pad"
            value={value.count === null ? '' : String(value.count)}
            onChangeText={(text) =>
              onChange({ ...value, count: text.trim() ? positive(text) : null })
            }
          />
          <Text style={styles.summary}>{describeRecurrence(buildRecurrenceRule(value)) ?? ''}</Text>
        </>
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  wrap: { gap: space.md },
  row: { flexDirection: 'row', flexWrap: 'wrap', gap: space.sm },
  summary: { color: colors.muted, fontSize: 13 },
});
