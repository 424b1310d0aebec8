export { MyTasks, sortTasks } from './MyTasks';
