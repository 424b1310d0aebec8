export { hasAnyRole, usePrincipal } from './usePrincipal';
