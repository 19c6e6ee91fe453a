package org.qunbei.registry.jobs;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs the registry's jobs one at a time per node: each job is bounded in memory on its own, not
 * several together, and a school's server has few cores. Others wait in a short queue; beyond it a
 * start is refused. (Not a TaskExecutor bean, so Spring's own executor stays as it is.)
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

  void execute(Runnable job) {
    pool.execute(job);
  }

  @Override
  public void destroy() {
    pool.shutdownNow();
  }
}
