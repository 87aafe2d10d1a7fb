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
import org.apache.spark.BarrierTaskContext;

/**
 * A TCP ring between the barrier tasks: rank r sends to rank r+1 and receives from rank r-1
 * (mod workers). {@link #allGather} passes messages around it until every rank holds all of them.
 */
final class Ring implements Closeable {
    /** How long a read waits for the previous rank: long enough for a slow step, short enough to end a hung stage. */
    private static final int READ_TIMEOUT_MILLIS = 10 * 60 * 1000;
    private final int rank;
    private final int size;
    private final Socket next;
    private final Socket previous;
    private final DataOutputStream toNext;
    private final DataInputStream fromPrevious;
    private final ExecutorService sender;

    private Ring(int rank, int size, Socket next, Socket previous) throws IOException {
        this.rank = rank;
        this.size = size;
        this.next = next;
        this.previous = previous;
        this.toNext = new DataOutputStream(new BufferedOutputStream(next.getOutputStream(), 1 << 16));
        this.fromPrevious = new DataInputStream(new BufferedInputStream(previous.getInputStream(), 1 << 16));
        this.sender = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "equireg-ring-sender-" + rank);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens the ring: every task listens on an ephemeral port, the addresses go round the barrier's
     * all-gather, each connects to the next rank and accepts the previous one.
     */
    static Ring open(BarrierTaskContext context) throws IOException {
        int rank = context.partitionId();
        int size = context.getTaskInfos().length;
        String host = hostOf(context.getTaskInfos()[rank].address());
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(0));
            String[] addresses = context.allGather(host + ":" + server.getLocalPort());
            String target = addresses[(rank + 1) % size];
            Socket next = new Socket();
            next.connect(new InetSocketAddress(hostOf(target), Integer.parseInt(target.substring(target.lastIndexOf(':') + 1))));
            next.setTcpNoDelay(true);
            Socket previous = server.accept(); // the listen backlog holds the connection until here
            previous.setSoTimeout(READ_TIMEOUT_MILLIS);
            previous.setTcpNoDelay(true);
            return new Ring(rank, size, next, previous);
        }
    }

    /**
     * Every rank's message, indexed by rank. In round i a task sends the message of rank r - i and
     * receives that of rank r - i - 1; sending runs on its own thread so large messages cannot
     * deadlock the ring on full socket buffers.
     */
    byte[][] allGather(byte[] mine) throws IOException {
        byte[][] messages = new byte[size][];
        messages[rank] = mine;
        for (int round = 0; round < size - 1; round++) {
            byte[] outgoing = messages[Math.floorMod(rank - round, size)];
            Future<?> sent = sender.submit(() -> send(outgoing));
            int from = Math.floorMod(rank - round - 1, size);
            int length = fromPrevious.readInt();
            messages[from] = new byte[length];
            fromPrevious.readFully(messages[from]);
            await(sent);
        }
        return messages;
    }

    private void send(byte[] message) {
        try {
            toNext.writeInt(message.length);
            toNext.write(message);
            toNext.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("ring: rank " + rank + " cannot send to rank " + (rank + 1) % size + ": " + e.getMessage(), e);
        }
    }

    private void await(Future<?> sent) throws IOException {
        try {
            sent.get();
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("ring: interrupted while sending", e);
        }
    }

    private static String hostOf(String address) {
        return address.substring(0, address.lastIndexOf(':'));
    }

    @Override
    public void close() throws IOException {
        sender.shutdownNow();
        try {
            next.close();
        } finally {
            previous.close();
        }
    }
}
