"""Plain-language descriptions of an exam's rules, shared by the exams list and the instructions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from artreview_desktop.core.platform.models import Exam

translate = QCoreApplication.translate


def exam_title(exam: Exam) -> str:
    return translate("ExamTexts", "{0} {1} 级").format(exam.subject_name or exam.subject, exam.level)


def minutes(seconds: int) -> str:
    if seconds % 60 == 0:
        return translate("ExamTexts", "{0} 分钟").format(seconds // 60)
    return translate("ExamTexts", "{0} 秒").format(seconds)


def duration_rule(exam: Exam) -> str:
    rule = translate("ExamTexts", "每次录制 {0} 至 {1}")
    return rule.format(minutes(exam.min_duration_s), minutes(exam.max_duration_s))


def identity_rule(exam: Exam) -> str:
    if exam.identity_rule == "announce_and_show_id":
        return translate("ExamTexts", "开始录制后，请先报出姓名和准考证号，并向镜头出示身份证件。")
    return translate("ExamTexts", "录制时不要报出姓名，也不要出示任何身份信息。")


def fee_text(exam: Exam) -> str:
    if exam.fee_status == "unpaid":
        return translate("ExamTexts", "待缴费 ¥{0:.2f}").format(exam.fee_fen / 100)
    if exam.fee_status == "paid":
        return translate("ExamTexts", "已缴费")
    return translate("ExamTexts", "免缴费")


def attempts_text(exam: Exam, left: int | None) -> str:
    if left is None:
        return translate("ExamTexts", "正式考试可录制 {0} 次").format(exam.attempts_allowed)
    return translate("ExamTexts", "正式考试剩余 {0} 次（共 {1} 次）").format(left, exam.attempts_allowed)
