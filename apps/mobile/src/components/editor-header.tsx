import { router } from 'expo-router';
import { StyleSheet, Text, View } from 'react-native';
import { font } from '../theme/theme';
import { Button } from './button';

/** An editor's top row: Cancel (back, nothing saved), the editor's name, Save. */
export function EditorHeader(props: { title: string; saving: boolean; onSave: () => void }) {
  return (
    <View style={styles.top}>
      <Button title="Cancel" variant="secondary" onPress={() => router.back()} />
      <Text accessibilityRole="header" style={font.heading}>
        {props.title}
      </Text>
      <Button title="Save" busy={props.saving} onPress={props.onSave} />
    </View>
  );
}

const styles = StyleSheet.create({
  top: { flexDirection: 'row', alignItems: 'center', justifyContent: 'space-between' },
});
