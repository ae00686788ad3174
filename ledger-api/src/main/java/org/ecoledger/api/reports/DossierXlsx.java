package org.ecoledger.api.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ecoledger.projections.dossier.DossierView;
import org.ecoledger.projections.dossier.EntryFacts;
import org.ecoledger.projections.duties.DutyPeriodView;
import org.ecoledger.projections.review.ReviewFlag;

/**
 * The dossier as an .xlsx workbook (Apache POI): a summary sheet with the proof anchors (head hash, checkpoint, the
 * QR code's text), the duties per period of every tenure, the assessments, sanctions and audits, and for the
 * promotion-review layout the review's flags. Every value is a text or number cell, one fact a row, so the sheets
 * sort and filter.
 */
public final class DossierXlsx {

    public byte[] render(DossierReport report) {
        DossierView dossier = report.dossier();
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);

            XSSFSheet summary = workbook.createSheet("档案");
            int r = 0;
            r = pair(summary, r, "报告", "领导干部生态环境保护履职档案 · " + report.layout().chinese(), bold);
            r = pair(summary, r, "姓名", dossier.name(), bold);
            r = pair(summary, r, "干部编号", dossier.officialId(), bold);
            r = pair(summary, r, "档案截至", dossier.asOf() == null ? "当前（评判至 " + dossier.viewDate() + "）"
                    : dossier.asOf() + " 日终", bold);
            r = pair(summary, r, "适用规则集", String.join("、", dossier.ruleSets()), bold);
            r = pair(summary, r, "链头序号", Long.toString(report.headSequence()), bold);
            r = pair(summary, r, "链头哈希", report.headHash(), bold);
            r = pair(summary, r, "检查点", report.logOrigin() + " " + report.checkpointSize() + " "
                    + report.checkpointRoot(), bold);
            r = pair(summary, r, "链头叶序号", Long.toString(report.headLeaf()), bold);
            r = pair(summary, r, "核验文本（与 PDF 二维码相同）", report.qrText(), bold);
            pair(summary, r, "生成", report.generatedAt() + " · " + report.generatedFor(), bold);
            summary.setColumnWidth(0, 28 * 256);
            summary.setColumnWidth(1, 90 * 256);

            XSSFSheet duties = workbook.createSheet("履职");
            header(duties, bold, "岗位", "地点", "任期起", "任期止", "期间", "职责", "要求", "完成", "下基层天数", "工作日数", "判定",
                   "规则集", "依据", "记录序号");
            int d = 1;
            for (DossierView.PostView post : dossier.posts()) {
                for (DossierView.TenureView tenure : post.tenures()) {
                    for (DutyPeriodView duty : tenure.duties()) {
                        XSSFRow row = duties.createRow(d++);
                        text(row, 0, post.postId());
                        text(row, 1, post.placeName());
                        text(row, 2, String.valueOf(tenure.from()));
                        text(row, 3, tenure.to() == null ? "" : tenure.to().toString());
                        text(row, 4, duty.label());
                        text(row, 5, Labels.of(duty.duty()));
                        text(row, 6, duty.required());
                        row.createCell(7).setCellValue(duty.done());
                        if (duty.days() != null) {
                            row.createCell(8).setCellValue(duty.days());
                            row.createCell(9).setCellValue(duty.workingDays());
                        }
                        text(row, 10, Labels.of(duty.status()));
                        text(row, 11, duty.ruleSet());
                        text(row, 12, duty.article());
                        text(row, 13, duty.sequences().stream().map(String::valueOf).collect(Collectors.joining("、")));
                    }
                }
            }

            XSSFSheet facts = workbook.createSheet("考核问责");
            header(facts, bold, "事项", "日期或年度", "内容", "记录序号");
            int f = 1;
            for (EntryFacts.AssessmentView a : dossier.assessments()) {
                f = fact(facts, f, "年度考核", Integer.toString(a.year()), Labels.of(a.grade()) + (a.conditions().isEmpty()
                        ? "" : "，第十八条情形 " + a.conditions()) + (a.awardEligible() ? "" : "，取消评先评优资格"), a.sequence());
            }
            for (EntryFacts.OneVetoView v : dossier.oneVetoes()) {
                f = fact(facts, f, "一票否决", Integer.toString(v.year()), v.unit() + "，" + Labels.of(v.capacity()) + "，"
                        + v.reason(), v.sequence());
            }
            for (EntryFacts.SummonsView s : dossier.summons()) {
                f = fact(facts, f, "约谈", s.occurredOn().toString(), s.by() + "：" + s.reason(), s.sequence());
            }
            for (EntryFacts.ListedProblemView p : dossier.listedProblems()) {
                f = fact(facts, f, "挂牌督办", p.occurredOn().toString(), p.problemId() + "：" + p.description(),
                         p.sequence());
            }
            for (EntryFacts.AccountabilityCaseView c : dossier.accountabilityCases()) {
                f = fact(facts, f, "问责案件", c.decision() == null ? "" : c.decision().occurredOn().toString(),
                         c.caseId() + (c.decision() == null ? "：已移交，尚未决定" : "：" + Labels.of(c.decision().outcome())),
                         c.decision() == null ? -1 : c.decision().sequence());
            }
            for (EntryFacts.LifetimeCaseView l : dossier.lifetimeCases()) {
                f = fact(facts, f, "终身追责", l.openedOn().toString(), l.caseId() + "，岗位 " + l.postId() + "，"
                        + l.description(), l.sequence());
            }
            for (EntryFacts.DepartureAuditView a : dossier.departureAudits()) {
                f = fact(facts, f, "离任审计", a.occurredOn().toString(), a.postId() + "：" + a.conclusion(), a.sequence());
            }

            if (report.review() != null) {
                XSSFSheet review = workbook.createSheet("提拔考察");
                int v = pair(review, 0, "考察日期", report.review().on().toString(), bold);
                v = pair(review, v, "结论", report.review().eligible() ? "未发现影响提拔任用的情形" : "存在影响提拔任用的情形", bold);
                header(review, v++, bold, "性质", "情形", "记录序号", "依据");
                for (ReviewFlag flag : report.review().flags()) {
                    XSSFRow row = review.createRow(v++);
                    text(row, 0, flag.blocking() ? "否决" : "提示");
                    text(row, 1, flag.message());
                    text(row, 2, flag.sequences().stream().map(String::valueOf).collect(Collectors.joining("、")));
                    text(row, 3, flag.article());
                }
                review.setColumnWidth(1, 80 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the dossier could not be rendered as .xlsx", e);
        }
    }

    private static int pair(XSSFSheet sheet, int r, String key, String value, CellStyle bold) {
        XSSFRow row = sheet.createRow(r);
        row.createCell(0).setCellValue(key);
        row.getCell(0).setCellStyle(bold);
        text(row, 1, value);
        return r + 1;
    }

    private static void header(XSSFSheet sheet, CellStyle bold, String... names) {
        header(sheet, 0, bold, names);
    }

    private static void header(XSSFSheet sheet, int r, CellStyle bold, String... names) {
        XSSFRow row = sheet.createRow(r);
        for (int i = 0; i < names.length; i++) {
            row.createCell(i).setCellValue(names[i]);
            row.getCell(i).setCellStyle(bold);
            sheet.setColumnWidth(i, Math.max(sheet.getColumnWidth(i), 14 * 256));
        }
    }

    private static int fact(XSSFSheet sheet, int r, String kind, String when, String what, long sequence) {
        XSSFRow row = sheet.createRow(r);
        text(row, 0, kind);
        text(row, 1, when);
        text(row, 2, what);
        if (sequence >= 0) {
            row.createCell(3).setCellValue(sequence);
        }
        return r + 1;
    }

    private static void text(XSSFRow row, int column, String value) {
        row.createCell(column).setCellValue(value == null ? "" : value);
    }

}
