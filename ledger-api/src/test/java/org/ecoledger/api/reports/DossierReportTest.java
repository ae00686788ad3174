package org.ecoledger.api.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ecoledger.api.RunningLedger;
import org.ecoledger.api.http.Api;
import org.ecoledger.api.http.entries.EntryExamples;
import org.ecoledger.core.log.MerkleTree;
import org.ecoledger.core.chain.HashAlgorithm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/**
 * The dossier as PDF and .xlsx over HTTP: Chinese text extracts intact, every font is embedded, a page renders
 * non-blank, and the QR code read back from the rendered page carries the record's head hash and a checkpoint
 * whose inclusion proof leads from the head to its root.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DossierReportTest {

    static final String OFFICIAL = "report-1";

    @TempDir
    static Path dataDir;

    RunningLedger ledger;
    Api api;
    String headHash;

    @BeforeAll
    void start() {
        ledger = RunningLedger.start(dataDir);
        api = new Api(ledger);
        api.city();
        api.official(OFFICIAL);
        for (EntryExamples.Example example : EntryExamples.STORY) {
            String role = switch (example.type()) {
                case ANNUAL_ASSESSMENT, ONE_VETO -> "organization";
                case ACCOUNTABILITY_REFERRED, ACCOUNTABILITY_DECIDED, LIFETIME_ACCOUNTABILITY_OPENED -> "discipline";
                default -> "recorder";
            };
            api.post(role, "/api/v1/officials/" + OFFICIAL + "/entries", example.body()).expect(201);
        }
        headHash = api.get("auditor", "/api/v1/officials/" + OFFICIAL + "/verification").expect(200).json()
                      .path("headHash").asText();
    }

    @AfterAll
    void stop() {
        ledger.close();
    }

    byte[] report(String accept, String query) {
        HttpResponse<byte[]> answer = api.getBytes("organization", "/api/v1/officials/" + OFFICIAL + "/dossier" + query,
                                                   "Accept", accept);
        assertThat(answer.statusCode()).as(new String(answer.body())).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith(accept);
        assertThat(answer.headers().firstValue("X-Ledger-Head-Hash").orElseThrow()).isEqualTo(headHash);
        return answer.body();
    }

    @Test
    void theDepartureAuditPdf_hasItsChineseIntact_embedsItsFonts_rendersNonBlank_andItsQrCodeProvesTheHead()
            throws Exception {
        byte[] bytes = report("application/pdf", "?layout=departure-audit");
        keep(bytes, "departure-audit.pdf");
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(pdf).replace("\n", "").replace("\r", "");
            assertThat(text).contains("领导干部生态环境保护履职档案 · 离任审计").contains("张三").contains(OFFICIAL)
                            .contains("履职达标图").contains("核验信息").contains("研究生态环保工作的会议")
                            .contains("离任审计：2019-04-01").contains("矿山修复滞后").contains(headHash).contains("≥ 1")
                            .doesNotContain(PdfPages.MISSING + " 1");
            assertThat(fonts(pdf)).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("WenQuanYi");
            });

            PDFRenderer renderer = new PDFRenderer(pdf);
            BufferedImage first = renderer.renderImageWithDPI(0, 72);
            assertThat(nonWhite(first)).as("non-white pixels on page 1").isGreaterThan(first.getWidth() * 20);
            Path png = dataDir.resolve("dossier-page-1.png");
            ImageIO.write(first, "png", png.toFile());
            assertThat(Files.size(png)).isPositive();

            BufferedImage last = renderer.renderImageWithDPI(pdf.getNumberOfPages() - 1, 200);
            int[] pixels = last.getRGB(0, 0, last.getWidth(), last.getHeight(), null, 0, last.getWidth());
            String qr = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(last.getWidth(), last.getHeight(), pixels))),
                    Map.of(DecodeHintType.TRY_HARDER, true)).getText();
            List<String> lines = qr.lines().toList();
            assertThat(lines.get(0)).isEqualTo(DossierReport.QR_FORMAT);
            assertThat(lines.get(1)).isEqualTo("official " + OFFICIAL);
            assertThat(lines.get(2)).isEqualTo("head " + EntryExamples.STORY.size() + " " + headHash);
            String[] checkpoint = lines.get(3).split(" ");
            long treeSize = Long.parseLong(checkpoint[2]);
            byte[] root = Base64.getDecoder().decode(checkpoint[3]);
            long leaf = Long.parseLong(lines.get(4).split(" ")[1]);

            // The anchors prove the head: the inclusion proof from the head's leaf leads to the QR's root, and the
            // signed checkpoint of that size has that root.
            JsonNode proof = api.get("auditor", "/api/v1/log/proofs/inclusion?officialId=" + OFFICIAL + "&sequence="
                    + EntryExamples.STORY.size() + "&treeSize=" + treeSize).expect(200).json();
            assertThat(proof.path("leafIndex").asLong()).isEqualTo(leaf);
            List<byte[]> hashes = new ArrayList<>();
            proof.path("hashes").forEach(h -> hashes.add(Base64.getDecoder().decode(h.asText())));
            MerkleTree tree = new MerkleTree(HashAlgorithm.SHA_256);
            byte[] leafHash = new org.ecoledger.core.log.LogLeaf("official/" + OFFICIAL, leaf, headHash,
                                                                  EntryExamples.STORY.size()).leafHash(tree);
            assertThat(tree.verifyInclusion(leaf, treeSize, leafHash, hashes, root).valid()).isTrue();
            String signed = api.get("auditor", "/api/v1/log/checkpoint?treeSize=" + treeSize).expect(200).text();
            assertThat(signed).contains("\n" + treeSize + "\n" + checkpoint[3] + "\n");
        }
    }

    @Test
    void thePromotionReviewPdf_showsTheReviewOnItsDate_withItsFlags() throws Exception {
        byte[] bytes = report("application/pdf", "?layout=promotion-review&on=2019-03-20");
        keep(bytes, "promotion-review.pdf");
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("提拔考察").contains("提拔考察结论（2019-03-20）")
                            .contains("存在影响提拔任用的情形，不宜提拔").contains("一票否决").contains("履职达标图");
            assertThat(fonts(pdf)).allSatisfy(font -> assertThat(font.isEmbedded()).isTrue());
        }
        assertThat(api.get("organization", "/api/v1/officials/" + OFFICIAL + "/dossier?layout=x", "Accept",
                           "application/pdf").status()).isEqualTo(400);
        assertThat(api.get("recorder", "/api/v1/officials/" + OFFICIAL + "/dossier", "Accept", "application/pdf")
                      .status()).isEqualTo(403);
        assertThat(api.get("organization", "/api/v1/officials/nobody/dossier", "Accept", "application/pdf")
                      .status()).isEqualTo(404);
    }

    @Test
    void theXlsxDossier_holdsTheSameFacts_andTheProofAnchors() throws IOException {
        byte[] bytes = report(DossierReportsController.XLSX, "?layout=promotion-review&on=2019-03-20");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("档案");
            assertThat(workbook.getSheet("档案").getRow(1).getCell(1).getStringCellValue()).isEqualTo("张三");
            assertThat(workbook.getSheet("档案").getRow(6).getCell(1).getStringCellValue()).isEqualTo(headHash);
            assertThat(workbook.getSheet("履职").getLastRowNum()).isPositive();
            assertThat(workbook.getSheet("考核问责").getRow(1).getCell(0).getStringCellValue()).isNotBlank();
            assertThat(workbook.getSheet("提拔考察").getRow(1).getCell(1).getStringCellValue())
                    .isEqualTo("存在影响提拔任用的情形");
        }
        // the JSON dossier is still the default
        assertThat(api.get("organization", "/api/v1/officials/" + OFFICIAL + "/dossier").expect(200).json()
                      .path("headHash").asText()).isEqualTo(headHash);
    }

    /** With -Dreports.keep=DIR the reports are kept there, to look at them. */
    static void keep(byte[] bytes, String name) throws IOException {
        String directory = System.getProperty("reports.keep");
        if (directory != null) {
            Files.write(Files.createDirectories(Path.of(directory)).resolve(name), bytes);
        }
    }

    static List<PDFont> fonts(PDDocument pdf) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
        }
        return fonts;
    }

    static long nonWhite(BufferedImage image) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    count++;
                }
            }
        }
        return count;
    }
}
