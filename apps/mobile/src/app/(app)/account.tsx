import { AccountScreen } from '../../account/account-screen';

export default AccountScreen;
