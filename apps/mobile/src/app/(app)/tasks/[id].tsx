import { useLocalSearchParams } from 'expo-router';
import { TaskEditor } from '../../../tasks/task-editor';

export default function TaskEditorRoute() {
  const { id } = useLocalSearchParams<{ id: string }>();
  return <TaskEditor id={Number(id)} />;
}
