package io.asyncws.benchmarks.soak;

import java.util.List;
import java.util.Map;

/**
 * What a soak run observed; {@link SoakMain} judges and prints it.
 *
 * @param baseline the server before the first connection
 * @param samples one per sample interval, from the start of the traffic to its end
 * @param afterClose the server after every connection was closed and its sockets were given time
 *     to go
 * @param idleOpened idle connections upgraded, of those asked for
 * @param activeOpened active connections upgraded, of those asked for
 * @param textEchoed 32-byte text echoes verified
 * @param binaryEchoed 64 KiB binary echoes verified
 * @param lostEchoes echoes still missing when the drain at the end ran out of time
 * @param idleAlive idle connections that answered a Ping of ours at the end
 * @param errors everything that went wrong: connections not opened, lost or failed, echoes lost,
 *     idle connections that did not answer at the end
 * @param failures the first few failures, as sentences
 * @param threadsAtFirstPeriod the server's threads by name when the first compared period began
 * @param threadsAtEnd the server's threads by name at the last sample
 * @param heapAtFirstPeriod the server's live heap when the first compared period began; null
 *     when it could not be taken (then {@code failures} says why)
 * @param heapAtEnd the server's live heap after the last sample; null likewise
 */
record SoakResult(
    ServerProbe.Reading baseline,
    List<Sample> samples,
    ServerProbe.Reading afterClose,
    int idleOpened,
    int activeOpened,
    long textEchoed,
    long binaryEchoed,
    long lostEchoes,
    int idleAlive,
    long errors,
    List<String> failures,
    Map<String, Integer> threadsAtFirstPeriod,
    Map<String, Integer> threadsAtEnd,
    HeapHistogram heapAtFirstPeriod,
    HeapHistogram heapAtEnd) {}
