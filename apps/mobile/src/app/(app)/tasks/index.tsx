import { TasksScreen } from '../../../tasks/tasks-screen';

export default TasksScreen;
