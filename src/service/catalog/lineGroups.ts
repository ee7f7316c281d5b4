export { addLine } from './addLine.js';
export { deleteLineGroup } from './deleteLineGroup.js';
export { getLineGroupOf } from './getLineGroupOf.js';
export { listCallingNumbers } from './listCallingNumbers.js';
export { listLineGroups } from './listLineGroups.js';
export { removeLine } from './removeLine.js';
export { updateLineGroup } from './updateLineGroup.js';
