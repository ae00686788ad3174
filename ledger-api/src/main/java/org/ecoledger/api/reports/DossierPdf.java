package org.ecoledger.api.reports;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.EnumMap;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Collectors;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.ecoledger.core.rules.ruleset.Duty;
import org.ecoledger.projections.dossier.DossierView;
import org.ecoledger.projections.dossier.EntryFacts;
import org.ecoledger.projections.duties.DutyPeriodView;
import org.ecoledger.projections.duties.DutyStatus;
import org.ecoledger.projections.review.ReviewFlag;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * 履职档案报告 (the dossier as a PDF), with Apache PDFBox: every text in WenQuanYi Micro Hei (文泉驿微米黑), embedded
 * as a subset (only the glyphs used), so the file shows the same anywhere and its text extracts as Unicode. Two
 * layouts ({@link ReportLayout}); both carry the compliance chart (duty periods met, missed and in progress, drawn
 * as vector graphics) and, at the foot of the last page, the proof anchors — the record's head hash, the signed
 * checkpoint whose tree includes it, and a QR code carrying them ({@link DossierReport#qrText()}) — so that a paper
 * copy can be checked against the ledger years later (docs/reports.md). Every page has a footer with the head hash
 * and the page number.
 */
public final class DossierPdf {

    /** The font, from the classpath (see resources/fonts/README.md). */
    public static final String FONT = "/fonts/WenQuanYiMicroHei.ttf";

    private static final byte[] FONT_BYTES = load();
    private static final float TITLE = 17;
    private static final float H2 = 12.5f;
    private static final float BODY = 9.5f;
    private static final float SMALL = 8;
    private static final Color MET = new Color(0x2E, 0x8B, 0x57);
    private static final Color MISSED = new Color(0xC0, 0x39, 0x2B);
    private static final Color IN_PROGRESS = new Color(0x9A, 0xA5, 0xB1);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    public DossierPdf(ZoneId zone) {
        this.zone = zone;
    }

    private static byte[] load() {
        try (InputStream in = DossierPdf.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("the report font " + FONT + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] render(DossierReport report) {
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = PDType0Font.load(document, new ByteArrayInputStream(FONT_BYTES), true);
            DossierView dossier = report.dossier();
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(dossier.name() + " 生态环境保护履职档案（" + report.layout().chinese() + "）");
            info.setSubject(report.layout().english() + " dossier of " + dossier.officialId());
            info.setCreator("eco-ledger");
            info.setKeywords(report.qrText().replace('\n', ' '));
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            created.setTimeInMillis(report.generatedAt().toEpochMilli());
            info.setCreationDate(created);
            try (PdfPages pages = new PdfPages(document, font)) {
                header(pages, report);
                if (report.layout() == ReportLayout.PROMOTION_REVIEW) {
                    promotionReview(pages, report);
                } else {
                    departureAudit(pages, report);
                }
                proof(pages, report);
            }
            footers(document, font, report);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the dossier could not be rendered as PDF", e);
        }
    }

    // ------------------------------------------------------------------ sections

    private void header(PdfPages pages, DossierReport report) throws IOException {
        DossierView dossier = report.dossier();
        pages.ensure(80);
        pages.advance(TITLE * 1.4f);
        pages.text(PdfPages.MARGIN, pages.y(), "领导干部生态环境保护履职档案 · " + report.layout().chinese(), TITLE,
                   PdfPages.TEXT);
        pages.advance(TITLE * 0.4f);
        pages.paragraph("Eco-environment accountability dossier — " + report.layout().english(), SMALL,
                        PdfPages.RULE.darker());
        pages.keyValue("姓名", dossier.name(), BODY);
        pages.keyValue("干部编号", dossier.officialId(), BODY);
        pages.keyValue("档案截至", dossier.asOf() == null
                ? "当前（已适用全部更正），评判至 " + dossier.viewDate()
                : dossier.asOf() + " 日终（按当日记载，其后更正未适用）", BODY);
        if (!dossier.ruleSets().isEmpty()) {
            pages.keyValue("适用规则集", String.join("、", dossier.ruleSets()), BODY);
        }
        pages.keyValue("生成", TIME.format(report.generatedAt().atZone(zone)) + "（" + zone + "），查阅人 "
                + report.generatedFor(), BODY);
    }

    private void departureAudit(PdfPages pages, DossierReport report) throws IOException {
        DossierView dossier = report.dossier();
        pages.heading("任职情况与履职达标", H2);
        for (DossierView.PostView post : dossier.posts()) {
            String place = post.placeName() == null ? (post.jurisdictionCode() != null ? post.jurisdictionCode()
                    : post.departmentCode()) : post.placeName();
            pages.paragraph("岗位 " + post.postId() + "：" + place + " " + Labels.of(post.role()) + "，"
                    + Labels.of(post.responsibilityKind()), BODY, PdfPages.TEXT);
            for (DossierView.TenureView tenure : post.tenures()) {
                pages.paragraph("任期 " + tenure.from() + " 至 " + (tenure.to() == null ? "今" : tenure.to())
                        + (tenure.leavingReason() == null ? "" : "（离任：" + Labels.of(tenure.leavingReason()) + "）")
                        + "；未达标期数 " + tenure.missedDuties(), BODY, PdfPages.TEXT);
                List<String[]> rows = new ArrayList<>();
                for (DutyPeriodView duty : tenure.duties()) {
                    rows.add(new String[]{duty.label(), Labels.of(duty.duty()), duty.required(),
                            duty.duty() == Duty.GRASSROOTS_DAYS && duty.days() != null
                                    ? duty.days() + "/" + duty.workingDays() + " 天" : Integer.toString(duty.done()),
                            Labels.of(duty.status()), duty.article() == null ? "" : duty.article()});
                }
                if (!rows.isEmpty()) {
                    pages.table(new float[]{0.14f, 0.28f, 0.12f, 0.12f, 0.12f, 0.22f},
                                new String[]{"期间", "职责", "要求", "完成", "判定", "依据"}, rows, SMALL);
                }
                if (!tenure.inspectionCases().isEmpty()) {
                    List<String[]> cases = tenure.inspectionCases().stream().map(c -> new String[]{c.caseId(),
                            c.description(), c.assignedOn().toString(), Labels.of(c.status()),
                            c.closedOn() == null ? "" : c.closedOn().toString()}).toList();
                    pages.table(new float[]{0.16f, 0.44f, 0.14f, 0.12f, 0.14f},
                                new String[]{"交办件", "内容", "交办日期", "状态", "销号日期"}, cases, SMALL);
                }
            }
        }
        complianceChart(pages, report);
        facts(pages, dossier);
    }

    private void promotionReview(PdfPages pages, DossierReport report) throws IOException {
        DossierView dossier = report.dossier();
        var review = report.review();
        pages.heading("提拔考察结论（" + review.on() + "）", H2);
        pages.paragraph(review.eligible() ? "结论：未发现影响提拔任用的情形。" : "结论：存在影响提拔任用的情形，不宜提拔。",
                        BODY + 1.5f, review.eligible() ? MET : MISSED);
        if (review.ruleSet() != null) {
            pages.keyValue("适用规则集", review.ruleSet(), BODY);
        }
        if (!review.flags().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            for (ReviewFlag flag : review.flags()) {
                rows.add(new String[]{flag.blocking() ? "否决" : "提示", flag.message(),
                        flag.sequences().stream().map(String::valueOf).collect(Collectors.joining("、")),
                        flag.article() == null ? "" : flag.article()});
            }
            pages.table(new float[]{0.09f, 0.59f, 0.14f, 0.18f}, new String[]{"性质", "情形", "证据（记录序号）", "依据"},
                        rows, SMALL);
        }
        pages.heading("任职经历", H2);
        List<String[]> posts = new ArrayList<>();
        for (DossierView.PostView post : dossier.posts()) {
            for (DossierView.TenureView tenure : post.tenures()) {
                posts.add(new String[]{post.postId(), post.placeName() == null ? "" : post.placeName(),
                        Labels.of(post.role()), tenure.from() + " 至 " + (tenure.to() == null ? "今" : tenure.to()),
                        Integer.toString(tenure.missedDuties())});
            }
        }
        pages.table(new float[]{0.24f, 0.22f, 0.18f, 0.24f, 0.12f},
                    new String[]{"岗位", "地点", "职务", "任期", "未达标期数"}, posts, SMALL);
        complianceChart(pages, report);
        facts(pages, dossier);
    }

    /** Assessments, one-vetoes, summons, listed problems, accountability, lifetime cases, departure audits. */
    private void facts(PdfPages pages, DossierView dossier) throws IOException {
        pages.heading("考核、约谈与问责", H2);
        if (!dossier.assessments().isEmpty()) {
            pages.table(new float[]{0.1f, 0.14f, 0.3f, 0.2f, 0.26f}, new String[]{"年度", "等次", "第十八条情形", "评先评优资格",
                    "记录"}, dossier.assessments().stream().map(a -> new String[]{Integer.toString(a.year()),
                    Labels.of(a.grade()), a.conditions().stream().map(String::valueOf).collect(Collectors.joining("、")),
                    a.awardEligible() ? "保留" : "取消", "#" + a.sequence() + corrected(a.correctedBy())}).toList(), SMALL);
        }
        for (EntryFacts.OneVetoView veto : dossier.oneVetoes()) {
            pages.paragraph("一票否决：" + veto.year() + "年度，" + veto.unit() + "，" + Labels.of(veto.capacity()) + "；"
                    + veto.reason() + "（#" + veto.sequence() + corrected(veto.correctedBy()) + "）", BODY, MISSED);
        }
        for (EntryFacts.SummonsView summons : dossier.summons()) {
            pages.paragraph("约谈：" + summons.occurredOn() + "，" + summons.by() + "，" + summons.reason()
                    + (summons.rectificationDeadline() == null ? "" : "，整改期限 " + summons.rectificationDeadline())
                    + "（#" + summons.sequence() + corrected(summons.correctedBy()) + "）", BODY, PdfPages.TEXT);
        }
        for (EntryFacts.ListedProblemView problem : dossier.listedProblems()) {
            pages.paragraph("挂牌督办：" + problem.occurredOn() + "，" + problem.problemId() + "，" + problem.description()
                    + "（#" + problem.sequence() + "）", BODY, PdfPages.TEXT);
        }
        for (EntryFacts.AccountabilityCaseView accountability : dossier.accountabilityCases()) {
            pages.paragraph("问责案件 " + accountability.caseId() + "：" + (accountability.decision() == null ? "已移交，尚未决定"
                    : "决定 " + Labels.of(accountability.decision().outcome()) + "（" + accountability.decision().occurredOn()
                    + "）"), BODY, accountability.open() ? MISSED : PdfPages.TEXT);
        }
        for (EntryFacts.LifetimeCaseView lifetime : dossier.lifetimeCases()) {
            pages.paragraph("终身追责 " + lifetime.caseId() + "：岗位 " + lifetime.postId() + "，损害发生于 "
                    + lifetime.damageOccurredOn() + "，" + lifetime.description() + (lifetime.open() ? "（未结）" : ""),
                    BODY, lifetime.open() ? MISSED : PdfPages.TEXT);
        }
        for (EntryFacts.DepartureAuditView audit : dossier.departureAudits()) {
            pages.paragraph("离任审计：" + audit.occurredOn() + "，岗位 " + audit.postId() + "，" + audit.conclusion()
                    + (audit.findings().isEmpty() ? "" : "；发现：" + String.join("；", audit.findings())), BODY,
                    PdfPages.TEXT);
        }
        if (!dossier.corrections().isEmpty()) {
            pages.paragraph("本档案已适用更正 " + dossier.corrections().size() + " 项（原记录保留，序号见各项）。", SMALL,
                            PdfPages.RULE.darker());
        }
    }

    private static String corrected(List<Long> correctedBy) {
        return correctedBy == null || correctedBy.isEmpty() ? ""
                : "，已由 #" + correctedBy.stream().map(String::valueOf).collect(Collectors.joining("、#")) + " 更正";
    }

    /**
     * 履职达标图 (the compliance chart): per duty, one horizontal bar of its periods — met, missed, in progress — to a
     * common scale, with the counts written beside it.
     */
    private void complianceChart(PdfPages pages, DossierReport report) throws IOException {
        Map<Duty, int[]> counts = new EnumMap<>(Duty.class);
        for (DutyPeriodView period : report.dutyPeriods()) {
            int[] count = counts.computeIfAbsent(period.duty(), duty -> new int[3]);
            if (period.status() == DutyStatus.MET) {
                count[0]++;
            } else if (period.status() == DutyStatus.MISSED) {
                count[1]++;
            } else if (period.status() == DutyStatus.IN_PROGRESS) {
                count[2]++;
            }
        }
        counts.values().removeIf(count -> count[0] + count[1] + count[2] == 0);
        pages.heading("履职达标图", H2);
        if (counts.isEmpty()) {
            pages.paragraph("无可评判的职责期间。", BODY, PdfPages.TEXT);
            return;
        }
        int max = counts.values().stream().mapToInt(c -> c[0] + c[1] + c[2]).max().orElse(1);
        float label = 120;
        float barHeight = 13;
        float gap = 7;
        float chartWidth = pages.width() - label - 90;
        float height = counts.size() * (barHeight + gap) + 28;
        pages.ensure(height);
        PDPageContentStream stream = pages.content();
        float top = pages.y() - 6;
        int row = 0;
        for (Map.Entry<Duty, int[]> entry : counts.entrySet()) {
            float y = top - (row + 1) * (barHeight + gap);
            pages.text(PdfPages.MARGIN, y + 3, Labels.of(entry.getKey()), SMALL, PdfPages.TEXT);
            float x = PdfPages.MARGIN + label;
            int[] count = entry.getValue();
            Color[] colors = {MET, MISSED, IN_PROGRESS};
            for (int i = 0; i < 3; i++) {
                float w = chartWidth * count[i] / max;
                if (w > 0) {
                    stream.setNonStrokingColor(colors[i]);
                    stream.addRect(x, y, w, barHeight);
                    stream.fill();
                    x += w;
                }
            }
            pages.text(x + 6, y + 3, count[0] + " / " + count[1] + " / " + count[2], SMALL, PdfPages.TEXT);
            row++;
        }
        // the axis and the legend
        float axisY = top - counts.size() * (barHeight + gap) - 4;
        stream.setStrokingColor(PdfPages.RULE);
        stream.setLineWidth(0.5f);
        stream.moveTo(PdfPages.MARGIN + label, top);
        stream.lineTo(PdfPages.MARGIN + label, axisY);
        stream.lineTo(PdfPages.MARGIN + label + chartWidth, axisY);
        stream.stroke();
        pages.text(PdfPages.MARGIN + label + chartWidth - 40, axisY - 10, max + " 期", SMALL, PdfPages.RULE.darker());
        String[] legend = {"达标", "未达标", "进行中"};
        Color[] colors = {MET, MISSED, IN_PROGRESS};
        float x = PdfPages.MARGIN + label;
        for (int i = 0; i < 3; i++) {
            stream.setNonStrokingColor(colors[i]);
            stream.addRect(x, axisY - 13, 9, 9);
            stream.fill();
            pages.text(x + 12, axisY - 12, legend[i], SMALL, PdfPages.TEXT);
            x += 60;
        }
        pages.advance(height);
    }

    /**
     * 核验信息 (the proof anchors) at the foot of the last page: the head hash, the checkpoint whose tree includes the
     * head, and the QR code carrying both.
     */
    private void proof(PdfPages pages, DossierReport report) throws IOException {
        float qrSize = 118;
        float block = qrSize + 34;
        pages.ensure(block + 8);
        // the block stands at the foot of the page, whatever space the sections above left
        float heading = PdfPages.MARGIN + PdfPages.FOOTER + block;
        pages.text(PdfPages.MARGIN, heading - H2, "核验信息（纸质件核对用）", H2, PdfPages.TEXT);
        PDPageContentStream rule = pages.content();
        rule.setStrokingColor(PdfPages.RULE);
        rule.setLineWidth(0.6f);
        rule.moveTo(PdfPages.MARGIN, heading - H2 - 6);
        rule.lineTo(PdfPages.MARGIN + pages.width(), heading - H2 - 6);
        rule.stroke();
        float top = heading - H2 - 10;
        float textWidth = pages.width() - qrSize - 16;
        List<String> lines = new ArrayList<>();
        lines.add("记录链头：序号 " + report.headSequence() + "，哈希");
        lines.add(report.headHash());
        lines.add("所在检查点：" + report.logOrigin() + "，树大小 " + report.checkpointSize() + "，链头叶序号 "
                + report.headLeaf());
        lines.add("根哈希 " + report.checkpointRoot());
        lines.add("核对：GET /api/v1/log/proofs/inclusion?officialId=" + report.dossier().officialId() + "&sequence="
                + report.headSequence() + "&treeSize=" + report.checkpointSize()
                + "，以包含证明由链头叶推得上述根哈希，并以账本公钥核验该检查点签名。");
        float y = top;
        for (String line : lines) {
            for (String wrapped : pages.wrap(line, SMALL, textWidth)) {
                y -= SMALL * 1.45f;
                pages.text(PdfPages.MARGIN, y, wrapped, SMALL, PdfPages.TEXT);
            }
        }
        BitMatrix matrix = qr(report.qrText());
        float module = qrSize / matrix.getWidth();
        float left = PdfPages.MARGIN + pages.width() - qrSize;
        float bottom = top - qrSize - 4;
        PDPageContentStream stream = pages.content();
        stream.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int column = 0; column < matrix.getWidth(); column++) {
                if (matrix.get(column, row)) {
                    stream.addRect(left + column * module, bottom + (matrix.getHeight() - 1 - row) * module, module,
                                   module);
                }
            }
        }
        stream.fill();
        pages.advance(pages.y() - PdfPages.MARGIN - PdfPages.FOOTER);
    }

    static BitMatrix qr(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 2,
                           EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalStateException("the QR code cannot hold the proof anchors", e);
        }
    }

    /** Every page's footer: the head hash and "page n / N". */
    private static void footers(PDDocument document, PDType0Font font, DossierReport report) throws IOException {
        int total = document.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream stream = new PDPageContentStream(document, page,
                                                                      PDPageContentStream.AppendMode.APPEND, true, true)) {
                stream.beginText();
                stream.setNonStrokingColor(PdfPages.RULE);
                stream.setFont(font, 7);
                stream.newLineAtOffset(PdfPages.MARGIN, PdfPages.MARGIN - 12);
                stream.showText(report.dossier().officialId().codePoints().allMatch(c -> c < 128)
                        ? report.dossier().officialId() + " · 链头 #" + report.headSequence() + " "
                                + report.headHash().substring(0, Math.min(16, report.headHash().length())) + "…"
                                + " · 第 " + (i + 1) + " / " + total + " 页"
                        : "链头 #" + report.headSequence() + " · 第 " + (i + 1) + " / " + total + " 页");
                stream.endText();
            }
        }
    }
}
