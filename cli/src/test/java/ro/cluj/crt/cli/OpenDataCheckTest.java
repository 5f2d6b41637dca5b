package ro.cluj.crt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check of a downloaded archive finds altered files, unlisted files and missing resources. */
class OpenDataCheckTest {

    @TempDir
    Path directory;

    private static final String DESCRIPTOR = "{\"resources\":[{\"path\":\"organisations.csv\"},"
            + "{\"path\":\"organisations.json\"}]}";

    @Test
    void aWholeArchivePasses() throws Exception {
        Map<String, String> files = files();

        assertThat(OpenDataCommand.check(zip(files, sums(files)))).isEmpty();
    }

    @Test
    void anAlteredFileIsNamed() throws Exception {
        Map<String, String> files = files();
        String sums = sums(files);
        files.put("organisations.csv", "organisation_id,name\r\no-1,Other\r\n");

        assertThat(OpenDataCommand.check(zip(files, sums))).singleElement().asString()
                .startsWith("organisations.csv: SHA-256 ");
    }

    @Test
    void aDataFileTheDescriptorDoesNotNameIsNamed() throws Exception {
        Map<String, String> files = files();
        files.put("contacts.csv", "name\r\nAna\r\n");

        assertThat(OpenDataCommand.check(zip(files, sums(files))))
                .containsExactly("contacts.csv: not a resource of datapackage.json");
    }

    private static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("organisations.csv", "organisation_id,name\r\no-1,Biblioteca\r\n");
        files.put("organisations.json", "[{\"id\":\"o-1\",\"name\":\"Biblioteca\"}]");
        files.put("datapackage.json", DESCRIPTOR);
        return files;
    }

    private static String sums(Map<String, String> files) throws Exception {
        StringBuilder sums = new StringBuilder();
        for (Map.Entry<String, String> file : files.entrySet()) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(file.getValue()
                    .getBytes(StandardCharsets.UTF_8));
            sums.append(HexFormat.of().formatHex(digest)).append("  ").append(file.getKey()).append('\n');
        }
        return sums.toString();
    }

    private Path zip(Map<String, String> files, String sums) throws IOException {
        Path zip = directory.resolve("open-data.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream archive = new ZipOutputStream(out)) {
            Map<String, String> all = new LinkedHashMap<>(files);
            all.put("SHA256SUMS", sums);
            for (Map.Entry<String, String> file : all.entrySet()) {
                archive.putNextEntry(new ZipEntry(file.getKey()));
                archive.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                archive.closeEntry();
            }
        }
        return zip;
    }
}
