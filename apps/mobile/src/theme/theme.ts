// One palette and spacing scale for every screen, so the app reads as one product.
import { StyleSheet } from 'react-native';
export const colors = {
  background: '#F4F5F9',
  surface: '#FFFFFF',
  border: '#E3E5EC',
  text: '#15171F',
  muted: '#6B7080',
  primary: '#4F46E5',
  primaryPressed: '#4338CA',
  onPrimary: '#FFFFFF',
  danger: '#DC2626',
  dangerSurface: '#FEF2F2',
  success: '#16A34A',
  priority: { low: '#64748B', medium: '#D97706', high: '#DC2626' },
} as const;

export const space = { xs: 4, sm: 8, md: 12, lg: 16, xl: 24, xxl: 32 } as const;

export const radius = { sm: 8, md: 12, lg: 16, pill: 999 } as const;

export const font = {
  title: { fontSize: 30, fontWeight: '700' as const, color: colors.text },
  heading: { fontSize: 18, fontWeight: '600' as const, color: colors.text },
  body: { fontSize: 16, color: colors.text },
  small: { fontSize: 13, color: colors.muted },
};

/** The frame every screen shares: its background, and a tab screen's title row. */
export const layout = StyleSheet.create({
  screen: { flex: 1, backgroundColor: colors.background },
  header: {
    flexDirection: 'row',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: space.sm,
    paddingHorizontal: space.lg,
    paddingTop: space.md,
    paddingBottom: space.sm,
  },
});
