import { assignJobs } from './assignJobs.js';
import { changeJobsAction } from './changeJobs.js';
import { createJobGroup } from './createJobGroup.js';
import { deleteJobGroup } from './deleteJobGroup.js';
import { describeGroupExecutingInfo } from './describeGroupExecutingInfo.js';
import { describeJob } from './describeJob.js';
import { describeJobGroup } from './describeJobGroup.js';
import { downloadRecording } from './downloadRecording.js';
import { getSummaryInfo } from './getSummaryInfo.js';
import { describeInstance, listInstances } from './instances.js';
import { listJobGroups } from './listJobGroups.js';
import { listJobs } from './listJobs.js';
import { listJobsByGroup } from './listJobsByGroup.js';
import { listOutboundCallNumbers } from './listOutboundCallNumbers.js';
import { modifyJobGroup } from './modifyJobGroup.js';
import { deleteContactList, getContactList, saveContactList } from './policyContactLists.js';
import {
  getBaseStrategyPeriod,
  getEmptyNumberNoMoreCallsInfo,
  getMaxAttemptsPerDay,
  modifyEmptyNumberNoMoreCallsInfo,
  saveBaseStrategyPeriod,
  saveMaxAttemptsPerDay,
} from './policyStrategy.js';
import { queryJobs } from './queryJobs.js';
import { queryJobsWithResult } from './queryJobsWithResult.js';
import { describeScript, listScripts, publishScript } from './scripts.js';
import type { ActionHandler } from './types.js';

/**
 * The OutboundBot actions this face serves, by their wire name. The record has no prototype, so an
 * Action such as `toString` or `constructor` finds nothing and is InvalidApi.NotFound like any unknown name.
 */
export const ACTIONS: Readonly<Record<string, ActionHandler>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, ActionHandler>, {
    CreateJobGroup: createJobGroup,
    ModifyJobGroup: modifyJobGroup,
    DeleteJobGroup: deleteJobGroup,
    DescribeJobGroup: describeJobGroup,
    ListJobGroups: listJobGroups,
    DescribeGroupExecutingInfo: describeGroupExecutingInfo,
    AssignJobs: assignJobs,
    CancelJobs: changeJobsAction('cancel'),
    SuspendJobs: changeJobsAction('suspend'),
    ResumeJobs: changeJobsAction('resume'),
    DescribeJob: describeJob,
    DownloadRecording: downloadRecording,
    ListJobs: listJobs,
    ListJobsByGroup: listJobsByGroup,
    QueryJobs: queryJobs,
    QueryJobsWithResult: queryJobsWithResult,
    ListInstances: listInstances,
    DescribeInstance: describeInstance,
    ListScripts: listScripts,
    DescribeScript: describeScript,
    PublishScript: publishScript,
    ListOutboundCallNumbers: listOutboundCallNumbers,
    GetSummaryInfo: getSummaryInfo,
    SaveContactBlockList: saveContactList('block'),
    GetContactBlockList: getContactList('block'),
    DeleteContactBlockList: deleteContactList('block'),
    SaveContactWhiteList: saveContactList('allow'),
    GetContactWhiteList: getContactList('allow'),
    DeleteContactWhiteList: deleteContactList('allow'),
    SaveMaxAttemptsPerDay: saveMaxAttemptsPerDay,
    GetMaxAttemptsPerDay: getMaxAttemptsPerDay,
    SaveBaseStrategyPeriod: saveBaseStrategyPeriod,
    GetBaseStrategyPeriod: getBaseStrategyPeriod,
    GetEmptyNumberNoMoreCallsInfo: getEmptyNumberNoMoreCallsInfo,
    ModifyEmptyNumberNoMoreCallsInfo: modifyEmptyNumberNoMoreCallsInfo,
  }),
);
