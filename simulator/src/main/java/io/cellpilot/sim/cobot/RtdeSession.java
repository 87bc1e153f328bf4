package io.cellpilot.sim.cobot;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RTDE client connection, following UR's RTDE guide: every packet is {@code uint16 size, uint8 type, payload},
 * big-endian, size counting the 3 header bytes. Handles protocol version negotiation (V), controller version (v),
 * output and input recipes (O, I), start and pause (S, P), input data (U) and text messages (M).
 */
final class RtdeSession implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(RtdeSession.class);

  private record OutputRecipe(int id, List<RtdeVariables.Output> variables, long decimation) {}

  private record InputRecipe(List<String> names, List<String> types) {}

  private final RtdeServer server;
  private final Socket socket;
  private final DataInputStream in;
  private final DataOutputStream out;
  private final CobotCore core;
  private final List<OutputRecipe> outputs = new CopyOnWriteArrayList<>();
  private final Map<Integer, InputRecipe> inputs = new HashMap<>();
  private int nextRecipeId = 1;
  private volatile int protocolVersion = 1;
  private volatile boolean started;
  // The control clock must never wait for a slow client: packets queue here and a writer thread sends them; a
  // client two seconds behind is dropped, as a real controller drops a client that does not keep up.
  private final java.util.concurrent.BlockingQueue<byte[]> outbox = new java.util.concurrent.ArrayBlockingQueue<>(1024);
  private final Thread writer;

  RtdeSession(RtdeServer server, Socket socket, CobotCore core, ByteCounter counter) throws IOException {
    this.server = server;
    this.socket = socket;
    this.core = core;
    this.in = new DataInputStream(new BufferedInputStream(counter.counting(socket.getInputStream())));
    this.out = new DataOutputStream(new BufferedOutputStream(counter.counting(socket.getOutputStream()), 8192));
    this.writer = new Thread(this::writeLoop, "sim-cobot-rtde-writer-" + socket.getPort());
    this.writer.setDaemon(true);
    this.writer.start();
  }

  private void writeLoop() {
    try {
      while (!socket.isClosed()) {
        byte[] packet = outbox.take();
        out.write(packet);
        if (outbox.isEmpty()) {
          out.flush();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      log.debug("[rtde {}] write failed: {}", socket.getRemoteSocketAddress(), e.toString());
    } finally {
      close();
    }
  }

  @Override
  public void run() {
    try {
      while (!socket.isClosed()) {
        int size = in.readUnsignedShort();
        int type = in.readUnsignedByte();
        if (size < 3) {
          log.warn("[rtde {}] packet size {} is less than its header; closing", socket.getRemoteSocketAddress(), size);
          break;
        }
        byte[] payload = new byte[size - 3];
        in.readFully(payload);
        handle(type, ByteBuffer.wrap(payload));
      }
    } catch (EOFException e) {
      log.debug("[rtde {}] client closed the connection", socket.getRemoteSocketAddress());
    } catch (IOException | RuntimeException e) {
      if (!socket.isClosed()) {
        log.warn("[rtde {}] connection failed: {}", socket.getRemoteSocketAddress(), e.toString());
      }
    } finally {
      close();
    }
  }

  private void handle(int type, ByteBuffer p) throws IOException {
    switch (type) {
      case 'V': {
        int requested = p.getShort() & 0xffff;
        boolean ok = requested == 1 || requested == 2;
        if (ok) {
          protocolVersion = requested;
        }
        send('V', new byte[] {(byte) (ok ? 1 : 0)});
        break;
      }
      case 'v': {
        // URControl 5.11.1.108318: an e-Series release.
        send('v', ByteBuffer.allocate(16).putInt(5).putInt(11).putInt(1).putInt(108318).array());
        break;
      }
      case 'O':
        setupOutputs(p);
        break;
      case 'I':
        setupInputs(p);
        break;
      case 'S':
        started = !outputs.isEmpty() || !inputs.isEmpty();
        send('S', new byte[] {(byte) (started ? 1 : 0)});
        break;
      case 'P':
        started = false;
        send('P', new byte[] {1});
        break;
      case 'U':
        applyInputs(p);
        break;
      case 'M':
        log.info("[rtde {}] client message: {}", socket.getRemoteSocketAddress(),
            new String(p.array(), StandardCharsets.UTF_8).trim());
        break;
      default:
        log.warn("[rtde {}] unknown packet type {} ({} bytes) ignored", socket.getRemoteSocketAddress(), type,
            p.remaining());
    }
  }

  private void setupOutputs(ByteBuffer p) throws IOException {
    double frequency = protocolVersion >= 2 ? p.getDouble() : server.hz();
    String[] names = text(p).split(",");
    List<RtdeVariables.Output> variables = new ArrayList<>();
    List<String> types = new ArrayList<>();
    boolean valid = frequency > 0 && frequency <= server.hz();
    for (String name : names) {
      Optional<RtdeVariables.Output> v = RtdeVariables.output(name.strip());
      types.add(v.map(RtdeVariables.Output::type).orElse("NOT_FOUND"));
      v.ifPresent(variables::add);
      valid &= v.isPresent();
    }
    int id = 0;
    if (valid) {
      id = nextRecipeId++;
      outputs.add(new OutputRecipe(id, variables, Math.max(1, Math.round(server.hz() / frequency))));
    } else if (!(frequency > 0 && frequency <= server.hz())) {
      sendText("output frequency " + frequency + " Hz is outside 0.." + server.hz() + " Hz", 1);
    }
    sendRecipe('O', id, types);
  }

  private void setupInputs(ByteBuffer p) throws IOException {
    String[] names = text(p).split(",");
    List<String> types = new ArrayList<>();
    List<String> trimmed = new ArrayList<>();
    boolean valid = true;
    for (String raw : names) {
      String name = raw.strip();
      Optional<String> type = RtdeVariables.inputType(name);
      String t = type.isEmpty() ? "NOT_FOUND" : server.claimInput(name, this) ? type.get() : "IN_USE";
      types.add(t);
      trimmed.add(name);
      valid &= !t.equals("NOT_FOUND") && !t.equals("IN_USE");
    }
    int id = 0;
    if (valid) {
      id = nextRecipeId++;
      inputs.put(id, new InputRecipe(trimmed, types));
    }
    sendRecipe('I', id, types);
  }

  private void applyInputs(ByteBuffer p) {
    int id = p.get() & 0xff;
    InputRecipe recipe = inputs.get(id);
    if (recipe == null) {
      log.warn("[rtde {}] data for unknown input recipe {} ignored", socket.getRemoteSocketAddress(), id);
      return;
    }
    if (p.remaining() < recipe.types().stream().mapToInt(RtdeVariables::size).sum()) {
      log.warn("[rtde {}] input recipe {} data too short ({} bytes) ignored", socket.getRemoteSocketAddress(), id,
          p.remaining());
      return;
    }
    for (int i = 0; i < recipe.names().size(); i++) {
      String type = recipe.types().get(i);
      Object value = type.equals("DOUBLE") ? (Object) p.getDouble()
          : type.equals("UINT32") ? (Object) (p.getInt() & 0xffffffffL) : (Object) p.getInt();
      core.writeInput(recipe.names().get(i), value);
    }
  }

  /** Sends this cycle's data packages for every output recipe due at {@code tick}. */
  void publish(Snapshot s, long tick) {
    if (!started) {
      return;
    }
    try {
      for (OutputRecipe recipe : outputs) {
        if (tick % recipe.decimation() != 0) {
          continue;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        DataOutputStream body = new DataOutputStream(bytes);
        if (protocolVersion >= 2) {
          body.writeByte(recipe.id());
        }
        for (RtdeVariables.Output v : recipe.variables()) {
          v.encoder().write(s, body);
        }
        send('U', bytes.toByteArray());
      }
    } catch (IOException e) {
      log.debug("[rtde {}] publish failed: {}", socket.getRemoteSocketAddress(), e.toString());
      close();
    }
  }

  /** An RTDE text message to the client (v2 layout: length-prefixed message and source, then the level). */
  void sendText(String message, int level) {
    byte[] m = message.getBytes(StandardCharsets.UTF_8);
    byte[] src = "URControl".getBytes(StandardCharsets.UTF_8);
    int len = Math.min(255, m.length);
    ByteBuffer b = ByteBuffer.allocate(3 + len + src.length);
    b.put((byte) len).put(m, 0, len).put((byte) src.length).put(src).put((byte) level);
    try {
      send('M', b.array());
    } catch (IOException e) {
      close();
    }
  }

  private void sendRecipe(int type, int id, List<String> types) throws IOException {
    byte[] t = String.join(",", types).getBytes(StandardCharsets.US_ASCII);
    byte[] payload = new byte[1 + t.length];
    payload[0] = (byte) id;
    System.arraycopy(t, 0, payload, 1, t.length);
    send(type, payload);
  }

  private void send(int type, byte[] payload) throws IOException {
    byte[] packet = new byte[payload.length + 3];
    packet[0] = (byte) ((payload.length + 3) >> 8);
    packet[1] = (byte) (payload.length + 3);
    packet[2] = (byte) type;
    System.arraycopy(payload, 0, packet, 3, payload.length);
    if (!outbox.offer(packet)) {
      throw new IOException("client is more than " + outbox.size() + " packets behind; dropping it");
    }
  }

  private static String text(ByteBuffer p) {
    byte[] rest = new byte[p.remaining()];
    p.get(rest);
    return new String(rest, StandardCharsets.UTF_8);
  }

  void close() {
    started = false;
    if (writer != null && Thread.currentThread() != writer) {
      writer.interrupt();
    }
    server.forget(this);
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
