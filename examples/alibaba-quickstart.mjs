// Alibaba OutboundBot's quick start, pointed at Outdial: only the endpoint and keys differ.
// OUTDIAL_URL=http://127.0.0.1:8080 ACCESS_KEY_ID=… ACCESS_KEY_SECRET=… INSTANCE_ID=… node examples/alibaba-quickstart.mjs
import RPCClient from '@alicloud/pop-core';

const env = process.env;
const client = new RPCClient({ endpoint: env.OUTDIAL_URL, apiVersion: '2019-12-26', accessKeyId: env.ACCESS_KEY_ID, accessKeySecret: env.ACCESS_KEY_SECRET });
const InstanceId = env.INSTANCE_ID, post = { method: 'POST' };
const strategy = { maxAttemptsPerDay: 2, minAttemptInterval: 30, workingTime: [{ beginTime: '09:00:00', endTime: '18:00:00' }] };
const { JobGroup } = await client.request('CreateJobGroup', { InstanceId, JobGroupName: 'Renewals', StrategyJson: JSON.stringify(strategy) }, post);
const jobs = [{ contacts: [{ phoneNumber: '13800138000', name: '张三', referenceId: 'c-1' }], extras: [{ key: 'amount', value: '1200' }] }];
const { JobsId } = await client.request('AssignJobs', { InstanceId, JobGroupId: JobGroup.JobGroupId, JobsJson: jobs.map((j) => JSON.stringify(j)) }, post);
const { JobGroup: described } = await client.request('DescribeJobGroup', { InstanceId, JobGroupId: JobGroup.JobGroupId });
console.log(JSON.stringify({ jobGroupId: JobGroup.JobGroupId, jobIds: JobsId, status: described.Status, progress: described.Progress }));
