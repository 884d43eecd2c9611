export { keyFromDataDir, openSealed, seal } from './sealed.ts';
