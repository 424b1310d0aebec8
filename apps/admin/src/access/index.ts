export { AdminOnly } from './AdminOnly';
export { hasAnyRole, usePrincipal } from './usePrincipal';
