export { changeJobs, type JobChange, type JobCommand } from './changeJobs.js';
export { getJobOf } from './getJobOf.js';
export { latestTaskOfJobs } from './latestTaskOfJobs.js';
export { listJobs } from './listJobs.js';
export type { JobQuery } from './parseJobQuery.js';
export { tasksOfJobs } from './tasksOfJobs.js';
