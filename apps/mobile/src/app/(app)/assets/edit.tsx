import { useLocalSearchParams } from 'expo-router';
import { AssetEditor } from '../../../assets/asset-editor';

/** /assets/edit is a new asset; /assets/edit?id=… edits that one. */
export default function AssetEditRoute() {
  const { id } = useLocalSearchParams<{ id?: string }>();
  return <AssetEditor id={id} />;
}
