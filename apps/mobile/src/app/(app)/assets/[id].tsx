import { useLocalSearchParams } from 'expo-router';
import { AssetDetail } from '../../../assets/asset-detail';

export default function AssetDetailRoute() {
  const { id } = useLocalSearchParams<{ id: string }>();
  return <AssetDetail id={id} />;
}
