package org.equireg.core.io;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses and validates a safetensors header against the size of the data section it describes.
 *
 * <p>Strict: every tensor entry has exactly the fields {@code dtype}, {@code shape} and
 * {@code data_offsets}; names are non-empty and, like metadata keys, unique; dimensions are
 * non-negative and their nonzero ones multiply to at most {@link #MAX_ELEMENTS}; each tensor has
 * exactly the bytes its dtype and shape need; and the tensors' byte ranges cover the data section
 * without holes or overlaps, as the format requires. (The reference implementation accepts unknown
 * fields and empty names; rejecting them keeps every file this reader accepts writable again.)
 */
final class HeaderParser {
    static final String METADATA_KEY = "__metadata__";
    /** The most elements a tensor holds (the JVM's array limit, as in {@code Shapes.size}). */
    static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private final JsonReader reader;
    private final long dataLength;

    private HeaderParser(String json, long dataLength) {
        this.reader = new JsonReader(json);
        this.dataLength = dataLength;
    }

    /**
     * The header in {@code json}, checked against a data section of {@code dataLength} bytes.
     *
     * @throws MalformedSafeTensorsException naming the first problem found
     */
    static Header parse(String json, long dataLength) throws MalformedSafeTensorsException {
        if (!json.startsWith("{")) {
            throw new MalformedSafeTensorsException("header does not start with '{'"
                    + (json.isEmpty() ? " (it is empty)" : ""));
        }
        Header header = new HeaderParser(json, dataLength).readHeader();
        checkCoverage(header.tensors(), dataLength);
        return header;
    }

    private Header readHeader() throws MalformedSafeTensorsException {
        Map<String, TensorEntry> tensors = new LinkedHashMap<>();
        Map<String, String> metadata = null;
        reader.beginObject("the header");
        for (String name; (name = reader.nextName("the header")) != null; ) {
            if (name.equals(METADATA_KEY)) {
                if (metadata != null) {
                    throw new MalformedSafeTensorsException("duplicate key " + METADATA_KEY);
                }
                metadata = readMetadata();
            } else {
                if (name.isEmpty()) {
                    throw new MalformedSafeTensorsException("a tensor has the empty name, which SafeTensors.write refuses too");
                }
                if (tensors.containsKey(name)) {
                    throw new MalformedSafeTensorsException("duplicate tensor name " + Text.quote(name));
                }
                tensors.put(name, readEntry(name));
            }
        }
        reader.endDocument();
        return new Header(List.copyOf(tensors.values()),
                metadata == null ? Map.of() : Collections.unmodifiableMap(metadata));
    }

    private Map<String, String> readMetadata() throws MalformedSafeTensorsException {
        Map<String, String> metadata = new LinkedHashMap<>();
        reader.beginObject(METADATA_KEY);
        for (String key; (key = reader.nextName(METADATA_KEY)) != null; ) {
            if (metadata.containsKey(key)) {
                throw new MalformedSafeTensorsException("duplicate key " + Text.quote(key) + " in " + METADATA_KEY);
            }
            metadata.put(key, reader.readString(METADATA_KEY + " value of " + Text.quote(key)));
        }
        return metadata;
    }

    private TensorEntry readEntry(String name) throws MalformedSafeTensorsException {
        String tensor = "tensor " + Text.quote(name);
        Dtype dtype = null;
        int[] shape = null;
        long[] offsets = null;
        reader.beginObject(tensor);
        for (String field; (field = reader.nextName(tensor)) != null; ) {
            switch (field) {
                case "dtype" -> {
                    requireFirst(dtype, tensor, field);
                    dtype = readDtype(tensor);
                }
                case "shape" -> {
                    requireFirst(shape, tensor, field);
                    shape = readShape(tensor);
                }
                case "data_offsets" -> {
                    requireFirst(offsets, tensor, field);
                    offsets = readOffsets(tensor);
                }
                default -> throw new MalformedSafeTensorsException(tensor + " has the unknown field " + Text.quote(field)
                        + "; expected dtype, shape and data_offsets");
            }
        }
        requirePresent(dtype, tensor, "dtype");
        requirePresent(shape, tensor, "shape");
        requirePresent(offsets, tensor, "data_offsets");
        TensorEntry entry = new TensorEntry(name, dtype, shape, elementCount(shape, tensor), offsets[0], offsets[1]);
        checkByteLength(entry, tensor);
        return entry;
    }

    private Dtype readDtype(String tensor) throws MalformedSafeTensorsException {
        String name = reader.readString("the dtype of " + tensor);
        Dtype dtype = Dtype.forName(name);
        if (dtype == null) {
            throw new MalformedSafeTensorsException(tensor + " has the unsupported dtype " + Text.quote(name)
                    + "; supported: " + Arrays.toString(Dtype.values()));
        }
        return dtype;
    }

    private int[] readShape(String tensor) throws MalformedSafeTensorsException {
        String what = "the shape of " + tensor;
        int[] dims = new int[4];
        int rank = 0;
        reader.beginArray(what);
        while (reader.hasNextElement(what)) {
            long dim = reader.readLong(what);
            if (dim < 0 || dim > Integer.MAX_VALUE) {
                throw new MalformedSafeTensorsException(tensor + " has the dimension " + dim + " at axis " + rank
                        + (dim < 0 ? ", which is negative" : ", which does not fit an int"));
            }
            if (rank == dims.length) {
                dims = Arrays.copyOf(dims, 2 * rank);
            }
            dims[rank++] = (int) dim;
        }
        return Arrays.copyOf(dims, rank);
    }

    private long[] readOffsets(String tensor) throws MalformedSafeTensorsException {
        String what = "the data_offsets of " + tensor;
        long[] offsets = new long[2];
        int count = 0;
        reader.beginArray(what);
        while (reader.hasNextElement(what)) {
            if (count == 2) {
                throw new MalformedSafeTensorsException(what + " has more than 2 entries");
            }
            offsets[count++] = reader.readLong(what);
        }
        if (count != 2) {
            throw new MalformedSafeTensorsException(what + " has " + count + " entries, not 2");
        }
        return offsets;
    }

    // Zero dimensions aside, the dimensions must multiply to at most MAX_ELEMENTS, whatever their
    // order: then every partial product fits too, and Tensor's shape arithmetic cannot overflow.
    private static int elementCount(int[] shape, String tensor) throws MalformedSafeTensorsException {
        long nonZeroProduct = 1;
        boolean empty = false;
        for (int dim : shape) {
            if (dim == 0) {
                empty = true;
                continue;
            }
            nonZeroProduct *= dim; // < 2^31 * 2^31 after the check below, so no overflow
            if (nonZeroProduct > MAX_ELEMENTS) {
                throw new MalformedSafeTensorsException(tensor + " has the shape " + TensorEntry.shapeString(shape)
                        + ", whose nonzero dimensions multiply to more than " + MAX_ELEMENTS
                        + ", the most elements a tensor holds");
            }
        }
        return empty ? 0 : (int) nonZeroProduct;
    }

    private void checkByteLength(TensorEntry entry, String tensor) throws MalformedSafeTensorsException {
        String offsets = "data_offsets [" + entry.begin() + ", " + entry.end() + "]";
        if (entry.begin() < 0 || entry.end() < 0) {
            throw new MalformedSafeTensorsException(tensor + " has negative " + offsets);
        }
        if (entry.begin() > entry.end()) {
            throw new MalformedSafeTensorsException(tensor + " has " + offsets + " that end before they begin");
        }
        if (entry.end() > dataLength) {
            throw new MalformedSafeTensorsException(tensor + " has " + offsets + " past the end of the "
                    + dataLength + "-byte data section");
        }
        long needed = (long) entry.elementCount() * entry.dtype().byteSize();
        if (entry.byteLength() != needed) {
            throw new MalformedSafeTensorsException(tensor + " of dtype " + entry.dtype() + " and shape "
                    + TensorEntry.shapeString(entry.shape()) + " needs " + needed + " bytes, but its " + offsets
                    + " span " + entry.byteLength());
        }
    }

    // The format requires the byte ranges to tile the data section: no hole, no overlap, nothing after.
    private static void checkCoverage(List<TensorEntry> tensors, long dataLength) throws MalformedSafeTensorsException {
        TensorEntry[] byOffset = tensors.toArray(new TensorEntry[0]);
        Arrays.sort(byOffset, Comparator.comparingLong(TensorEntry::begin).thenComparingLong(TensorEntry::end));
        long covered = 0;
        TensorEntry last = null;
        for (TensorEntry tensor : byOffset) {
            if (tensor.begin() < covered) {
                throw new MalformedSafeTensorsException("tensor " + Text.quote(tensor.name()) + " at bytes "
                        + range(tensor) + " overlaps tensor " + Text.quote(last.name()) + " at bytes " + range(last));
            }
            if (tensor.begin() > covered) {
                throw new MalformedSafeTensorsException("bytes [" + covered + ", " + tensor.begin()
                        + ") of the data section belong to no tensor (a hole before tensor " + Text.quote(tensor.name()) + ")");
            }
            covered = tensor.end();
            last = tensor;
        }
        if (covered != dataLength) {
            throw new MalformedSafeTensorsException("bytes [" + covered + ", " + dataLength
                    + ") at the end of the data section belong to no tensor");
        }
    }

    private static String range(TensorEntry tensor) {
        return "[" + tensor.begin() + ", " + tensor.end() + ")";
    }

    private static void requireFirst(Object field, String tensor, String name) throws MalformedSafeTensorsException {
        if (field != null) {
            throw new MalformedSafeTensorsException(tensor + " has the field " + name + " twice");
        }
    }

    private static void requirePresent(Object field, String tensor, String name) throws MalformedSafeTensorsException {
        if (field == null) {
            throw new MalformedSafeTensorsException(tensor + " lacks the field " + name);
        }
    }
}
