package io.cellpilot.sim.cobot;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;

/** Bytes received from and sent to clients on one interface, over all its connections. */
public final class ByteCounter {

  private final AtomicLong received = new AtomicLong();
  private final AtomicLong sent = new AtomicLong();

  /** Bytes the robot received on this interface since start. */
  public long received() {
    return received.get();
  }

  /** Bytes the robot sent on this interface since start. */
  public long sent() {
    return sent.get();
  }

  InputStream counting(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          received.incrementAndGet();
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
          received.addAndGet(n);
        }
        return n;
      }
    };
  }

  OutputStream counting(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(int b) throws IOException {
        out.write(b);
        sent.incrementAndGet();
      }

      @Override
      public void write(byte[] buf, int off, int len) throws IOException {
        out.write(buf, off, len);
        sent.addAndGet(len);
      }
    };
  }
}
