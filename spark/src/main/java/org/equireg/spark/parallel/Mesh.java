package org.equireg.spark.parallel;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.apache.spark.BarrierTaskContext;

/**
 * A TCP connection between every two barrier tasks. {@link #exchange} sends one message to every
 * other rank and receives one from each, in {@code ranks - 1} rounds: in round d, rank r sends to
 * r + d and receives from r - d (mod ranks), so every round is a shift in which each task sends one
 * message and receives one, and no link carries two at once.
 */
final class Mesh implements Closeable {
    /** How long a read waits for another rank: long enough for a slow step, short enough to end a hung stage. */
    private static final int READ_TIMEOUT_MILLIS = 10 * 60 * 1000;
    private final int rank;
    private final int size;
    private final Socket[] sockets;
    private final DataOutputStream[] outputs;
    private final DataInputStream[] inputs;
    private final ExecutorService sender;
    private long sentBytes;
    private long receivedBytes;

    private Mesh(int rank, Socket[] sockets) throws IOException {
        this.rank = rank;
        this.size = sockets.length;
        this.sockets = sockets;
        this.outputs = new DataOutputStream[size];
        this.inputs = new DataInputStream[size];
        for (int other = 0; other < size; other++) {
            if (other != rank) {
                outputs[other] = new DataOutputStream(new BufferedOutputStream(sockets[other].getOutputStream(), 1 << 16));
                inputs[other] = new DataInputStream(new BufferedInputStream(sockets[other].getInputStream(), 1 << 16));
            }
        }
        this.sender = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "equireg-mesh-sender-" + rank);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens the mesh between the tasks of a barrier stage: every task listens on an ephemeral port and
     * the addresses go round the barrier's all-gather once.
     */
    static Mesh open(BarrierTaskContext context) throws IOException {
        int rank = context.partitionId();
        int size = context.getTaskInfos().length;
        if (size == 1) {
            return new Mesh(0, new Socket[1]);
        }
        String address = context.getTaskInfos()[rank].address();
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(0), size);
            String[] addresses = context.allGather(address.substring(0, address.lastIndexOf(':')) + ":" + server.getLocalPort());
            return connect(rank, addresses, server);
        }
    }

    /**
     * Connects rank {@code rank} to all others: it connects to every higher rank (telling it its rank)
     * and accepts every lower one. Each server's backlog must hold {@code addresses.length}
     * connections, so that connecting never waits for the other side's accept.
     *
     * @param addresses every rank's {@code host:port}, indexed by rank
     * @param server    this rank's listening socket, bound to {@code addresses[rank]}
     */
    static Mesh connect(int rank, String[] addresses, ServerSocket server) throws IOException {
        Socket[] sockets = new Socket[addresses.length];
        try {
            for (int other = rank + 1; other < addresses.length; other++) {
                String target = addresses[other];
                Socket socket = new Socket();
                sockets[other] = socket;
                socket.connect(new InetSocketAddress(target.substring(0, target.lastIndexOf(':')),
                        Integer.parseInt(target.substring(target.lastIndexOf(':') + 1))));
                DataOutputStream hello = new DataOutputStream(socket.getOutputStream());
                hello.writeInt(rank);
                hello.flush();
            }
            for (int accepted = 0; accepted < rank; accepted++) {
                Socket socket = server.accept();
                socket.setSoTimeout(READ_TIMEOUT_MILLIS);
                int other = new DataInputStream(socket.getInputStream()).readInt();
                if (other < 0 || other >= rank || sockets[other] != null) {
                    socket.close();
                    throw new IOException("mesh: rank " + rank + " was reached by a connection calling itself rank " + other
                            + "; expected each of ranks 0 to " + (rank - 1) + " once");
                }
                sockets[other] = socket;
            }
            for (int other = 0; other < addresses.length; other++) {
                if (other != rank) {
                    sockets[other].setSoTimeout(READ_TIMEOUT_MILLIS);
                    sockets[other].setTcpNoDelay(true);
                }
            }
            return new Mesh(rank, sockets);
        } catch (IOException | RuntimeException e) {
            closeAll(sockets);
            throw e;
        }
    }

    /** This task's rank. */
    int rank() {
        return rank;
    }

    /** The number of tasks. */
    int size() {
        return size;
    }

    /**
     * Sends {@code outgoing.apply(other)} to every other rank and returns what each sent here,
     * indexed by rank (this rank's entry is null). Sending runs on its own thread, so that large
     * messages cannot deadlock on full socket buffers: in round d the sender writes to r + d while
     * this thread reads from r - d, whose sender writes to this rank in its round d too.
     */
    byte[][] exchange(IntFunction<byte[]> outgoing) throws IOException {
        byte[][] incoming = new byte[size][];
        Future<?> sent = sender.submit(() -> {
            for (int round = 1; round < size; round++) {
                int target = (rank + round) % size;
                send(target, outgoing.apply(target));
            }
        });
        for (int round = 1; round < size; round++) {
            int source = Math.floorMod(rank - round, size);
            try {
                int length = inputs[source].readInt();
                incoming[source] = new byte[length];
                inputs[source].readFully(incoming[source]);
                receivedBytes += Integer.BYTES + length;
            } catch (IOException e) {
                throw new IOException("mesh: rank " + rank + " cannot receive from rank " + source + " (did it fail?): " + e, e);
            }
        }
        await(sent);
        return incoming;
    }

    /** Bytes this task has sent so far (messages and their 4-byte lengths). */
    long sentBytes() {
        return sentBytes;
    }

    /** Bytes this task has received so far (messages and their 4-byte lengths). */
    long receivedBytes() {
        return receivedBytes;
    }

    private void send(int target, byte[] message) {
        try {
            outputs[target].writeInt(message.length);
            outputs[target].write(message);
            outputs[target].flush();
            sentBytes += Integer.BYTES + message.length; // read after the Future completes, which publishes it
        } catch (IOException e) {
            throw new UncheckedIOException("mesh: rank " + rank + " cannot send to rank " + target + ": " + e.getMessage(), e);
        }
    }

    private static void await(Future<?> sent) throws IOException {
        try {
            sent.get();
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("mesh: interrupted while sending", e);
        }
    }

    private static void closeAll(Socket[] sockets) throws IOException {
        IOException failure = null;
        for (Socket socket : sockets) {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException e) {
                    failure = failure == null ? e : failure;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() throws IOException {
        sender.shutdownNow();
        closeAll(sockets);
    }
}
