import type { Contact, Job } from '../../../core/types.js';

/**
 * Contacts have no id of their own in Outdial (a job is one contact, as the vendor's FAQ recommends), so
 * the first contact's ContactId is the job's id and any further one's is `<jobId>-<n>`.
 */
export const contactId = (job: Job, index: number): string => (index === 0 ? job.id : `${job.id}-${index}`);

/** A Job's contact (DescribeJob, ListJobs, ListJobsByGroup); PhoneNumber is as the user gave it. */
export function wireContact(job: Job, contact: Contact, index: number) {
  return {
    ContactId: contactId(job, index),
    ContactName: contact.name,
    Honorific: contact.honorific,
    PhoneNumber: contact.phoneNumber,
    ReferenceId: contact.referenceId,
    JobId: job.id,
    Role: '',
    State: 'Available',
  };
}

/** The contact a task dialled: the one whose number it called, else the first. */
export function calledContactIndex(job: Job, calledNumber: string): number {
  const i = job.contacts.findIndex((c) => c.e164 === calledNumber || c.phoneNumber === calledNumber);
  return Math.max(i, 0);
}
