package org.qunbei.registry.jobs;

/**
 * One run of a job: the job and which attempt at it. What a run reports is written only while the
 * job is still at that attempt, so a run whose job another node took over changes nothing.
 */
public record JobRun(long job, int attempt) {}
