package org.rootposture.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a posture run knew about itself, written by the framework at the end of the run as
 * {@code <uuid>-}{@value #FILE_NAME} in the results directory and read by the report generator into the report's
 * Environment widget. Absent values are {@code null} and left out of the file. The results of several runs (the shards
 * of one run, each with its own record) read as one: see {@link #merge}.
 *
 * <pre>
 * {"organizationId":"o-demo1234","managementAccount":"111111111111","callerAccount":"111111111111",
 *  "partition":"aws","accountsChecked":8,"accountsSkipped":1,"regions":["us-east-1"],"frameworkVersion":"0.1.0",
 *  "start":"2026-11-22T00:12:46Z","end":"2026-11-22T00:12:56Z","waiversFile":"waivers.yaml","waivers":[...]}
 * </pre>
 *
 * @param organizationId    the organization id, where the caller could read it
 * @param managementAccount the organization's management account, where known
 * @param callerAccount     the account of the run's credentials
 * @param partition         {@code aws}, {@code aws-us-gov} or {@code aws-cn}
 * @param accountsChecked   how many accounts the run checked
 * @param accountsSkipped   how many accounts the organization lists but the run could not check (suspended, closing);
 *                          they are in the report as not applicable
 * @param regions           the regions API calls went to
 * @param frameworkVersion  the Root Posture framework version
 * @param start             when the run started, ISO-8601 UTC
 * @param end               when the run ended, ISO-8601 UTC
 * @param evidenceRecorded  for a run replayed from an evidence snapshot: when that evidence was recorded, ISO-8601 UTC
 * @param waiversFile       the accepted-risk file in use, if any
 * @param waivers           its waivers and what became of them in this run
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunRecord(String organizationId, String managementAccount, String callerAccount, String partition,
                        Integer accountsChecked, Integer accountsSkipped, List<String> regions, String frameworkVersion,
                        String start, String end, String evidenceRecorded, String waiversFile, List<WaiverRecord> waivers) {

    /** The end of the file's name in the results directory. */
    public static final String FILE_NAME = "rootposture-run.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public RunRecord {
        regions = regions == null ? List.of() : List.copyOf(regions);
        waivers = waivers == null ? List.of() : List.copyOf(waivers);
    }

    /**
     * One waiver of the accepted-risk file and its use in the run.
     *
     * @param control       the waived control id
     * @param account       the account id, or {@code *} for every account
     * @param approver      who accepted the risk
     * @param justification why
     * @param expires       the last day the waiver holds, ISO date
     * @param expired       whether the run happened after that day
     * @param failures      how many failing results it applied to (waived, or flagged as expired)
     * @param line          its line in the file
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WaiverRecord(String control, String account, String approver, String justification, String expires,
                               boolean expired, int failures, int line) {
    }

    /** The record as the JSON the framework writes. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the run record as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads every {@code *}{@value #FILE_NAME} in the results directory, merged into one.
     *
     * @return empty when the run wrote none (an older framework, or a run that did not finish)
     * @throws UncheckedIOException naming the file when one is not a run record
     */
    public static Optional<RunRecord> read(Path resultsDir) {
        List<RunRecord> records = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(resultsDir, "*" + FILE_NAME)) {
            for (Path file : files) {
                records.add(read(file, resultsDir));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the results directory " + resultsDir + ": " + e.getMessage(), e);
        }
        return records.stream().reduce(RunRecord::merge);
    }

    private static RunRecord read(Path file, Path resultsDir) {
        try {
            return JSON.readValue(file.toFile(), RunRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The run record " + file + " in " + resultsDir + " is not readable: " + e.getMessage(), e);
        }
    }

    /**
     * This record and another run's, as one run (the shards of one run): accounts added up, regions joined, the earliest start and latest
     * end, each waiver's failures added up; values that differ are listed, separated by commas.
     */
    public RunRecord merge(RunRecord other) {
        Map<String, WaiverRecord> waiverUse = new LinkedHashMap<>();
        Stream.concat(waivers.stream(), other.waivers.stream()).forEach(w -> waiverUse.merge(w.control() + "|" + w.account() + "|" + w.line(), w,
                (a, b) -> new WaiverRecord(a.control(), a.account(), a.approver(), a.justification(), a.expires(),
                        a.expired() || b.expired(), a.failures() + b.failures(), a.line())));
        return new RunRecord(either(organizationId, other.organizationId), either(managementAccount, other.managementAccount),
                either(callerAccount, other.callerAccount), either(partition, other.partition),
                sum(accountsChecked, other.accountsChecked), sum(accountsSkipped, other.accountsSkipped),
                Stream.concat(regions.stream(), other.regions.stream()).distinct().sorted().toList(),
                either(frameworkVersion, other.frameworkVersion), earliest(start, other.start), latest(end, other.end),
                earliest(evidenceRecorded, other.evidenceRecorded), either(waiversFile, other.waiversFile),
                new ArrayList<>(waiverUse.values()));
    }

    /** Every account the run's results are about: those checked and those listed but not checked. */
    public int accountsInReport() {
        return (accountsChecked == null ? 0 : accountsChecked) + (accountsSkipped == null ? 0 : accountsSkipped);
    }

    private static Integer sum(Integer a, Integer b) {
        return a == null ? b : b == null ? a : Integer.valueOf(a + b);
    }

    private static String either(String a, String b) {
        if (a == null || b == null || a.equals(b)) {
            return a == null ? b : a;
        }
        return Stream.of(a.split(", "), b.split(", ")).flatMap(Arrays::stream).distinct().collect(Collectors.joining(", "));
    }

    private static String earliest(String a, String b) {
        return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
    }

    private static String latest(String a, String b) {
        return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
    }
}
