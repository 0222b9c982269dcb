/** Injection tokens for what the platform provides to every service. */
export const MESSAGE_BUS = Symbol('MESSAGE_BUS');
export const LOGGER = Symbol('LOGGER');
export const SERVICE_ENV = Symbol('SERVICE_ENV');
export const SERVICE_INFO = Symbol('SERVICE_INFO');
export { CLOCK } from './clock.js';
