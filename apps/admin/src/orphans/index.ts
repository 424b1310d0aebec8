export { DepartedPeoplePanel } from './DepartedPeoplePanel';
export { OrphanedList } from './OrphanedCard';
export { ReassignFields } from './ReassignFields';
