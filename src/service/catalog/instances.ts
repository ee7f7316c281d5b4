export { getInstanceOf } from './getInstanceOf.js';
export { listInstances } from './listInstances.js';
export { updateInstance } from './updateInstance.js';
