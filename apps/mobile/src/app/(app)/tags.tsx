import { TagsScreen } from '../../tags/tags-screen';

export default TagsScreen;
