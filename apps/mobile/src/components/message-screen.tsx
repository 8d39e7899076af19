import type { ReactNode } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { colors, font, space } from '../theme/theme';

/**
 * A whole screen that only tells the person something (a crash, a build without a server): a
 * heading, a paragraph, and what they can do about it, if anything.
 */
export function MessageScreen(props: {
  title: string;
  body: string;
  /** An alert is announced at once by screen readers: for a screen that replaced what was there. */
  alert?: boolean;
  children?: ReactNode;
}) {
  return (
    <View style={styles.screen} {...(props.alert && { accessibilityRole: 'alert' as const })}>
      <Text accessibilityRole="header" style={font.heading}>
        {props.title}
      </Text>
      <Text style={styles.body}>{props.body}</Text>
      {props.children}
    </View>
  );
}

const styles = StyleSheet.create({
  screen: {
    flex: 1,
    justifyContent: 'center',
    padding: space.xl,
    gap: space.md,
    backgroundColor: colors.background,
  },
  body: { ...font.body, color: colors.muted, lineHeight: 22 },
});
