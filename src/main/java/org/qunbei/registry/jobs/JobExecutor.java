package org.qunbei.registry.jobs;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs the registry's jobs one at a time per node: each job is bounded in memory on its own, not
 * several together, and a school's server has few cores. Others wait in a short queue; beyond it a
 * start is refused. It knows which jobs it holds, queued or running, so that their leases are
 * renewed while this node lives ({@link JobLeases}). (Not a TaskExecutor bean, so Spring's own
 * executor stays as it is.)
 */
@Component
public class JobExecutor implements DisposableBean {

  private final ThreadPoolExecutor pool =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(50),
          r -> {
            Thread t = new Thread(r, "registry-job");
            t.setDaemon(true);
            return t;
          });

  private final java.util.Set<JobRun> held = java.util.concurrent.ConcurrentHashMap.newKeySet();

  void execute(JobRun run, Runnable job) {
    held.add(run);
    try {
      pool.execute(
          () -> {
            try {
              job.run();
            } finally {
              held.remove(run);
            }
          });
    } catch (RuntimeException e) {
      held.remove(run);
      throw e;
    }
  }

  /** The jobs this node holds now, queued or running. */
  java.util.List<JobRun> held() {
    return java.util.List.copyOf(held);
  }

  @Override
  public void destroy() {
    pool.shutdownNow();
  }
}
