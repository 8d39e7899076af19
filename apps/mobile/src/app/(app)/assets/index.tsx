import { AssetsScreen } from '../../../assets/assets-screen';

export default AssetsScreen;
