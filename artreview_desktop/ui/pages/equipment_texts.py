"""The equipment check's words: each check's name, its measured value and, for each fix code, exactly
what to do — plain Chinese for a child and a parent (English comes from the .ts translations)."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from artreview_desktop.core.equipment import (
    BRIGHT_LUMA,
    DIM_LUMA,
    MB,
    CheckId,
    CheckResult,
    EquipmentReport,
    Fix,
    Status,
)

translate = QCoreApplication.translate  # lupdate finds translate("EquipmentCheck", "…") calls

STATUS_MARK = {Status.PASS: "✓", Status.WARN: "⚠", Status.FAIL: "✗", Status.SKIPPED: "–"}
STATUS_COLOUR = {Status.PASS: "#1E8E3E", Status.WARN: "#B26A00", Status.FAIL: "#C62828", Status.SKIPPED: "#6B7590"}


def check_name(check: CheckId) -> str:
    return {
        CheckId.CAMERA: translate("EquipmentCheck", "摄像头"),
        CheckId.MICROPHONE: translate("EquipmentCheck", "麦克风"),
        CheckId.SPEAKER: translate("EquipmentCheck", "扬声器"),
        CheckId.DISK: translate("EquipmentCheck", "磁盘空间"),
        CheckId.CPU: translate("EquipmentCheck", "电脑性能"),
        CheckId.UPLOAD: translate("EquipmentCheck", "上传速度"),
    }[check]


def status_name(status: Status) -> str:
    return {
        Status.PASS: translate("EquipmentCheck", "通过"),
        Status.WARN: translate("EquipmentCheck", "建议调整"),
        Status.FAIL: translate("EquipmentCheck", "未通过"),
        Status.SKIPPED: translate("EquipmentCheck", "已跳过"),
    }[status]


def megabytes(value: float) -> str:
    if value >= 1024:
        return translate("EquipmentCheck", "{0:.1f} GB").format(value / 1024)
    return translate("EquipmentCheck", "{0:.0f} MB").format(value)


def measured_text(result: CheckResult) -> str:
    """One line with what was measured against what is needed."""
    d = result.details
    if result.check is CheckId.CAMERA:
        if result.fix is Fix.CAMERA_UNAVAILABLE:
            return translate("EquipmentCheck", "没有画面")
        light = translate("EquipmentCheck", "光线正常")
        if d["luminance"] < DIM_LUMA:
            light = translate("EquipmentCheck", "光线偏暗")
        elif d["luminance"] > BRIGHT_LUMA:
            light = translate("EquipmentCheck", "光线过亮")
        text = translate("EquipmentCheck", "{0}×{1}，{2:.0f} 帧/秒，{3}")
        return text.format(d["width"], d["height"], d["fps"], light)
    if result.check is CheckId.MICROPHONE:
        if result.fix is Fix.MIC_UNAVAILABLE:
            return translate("EquipmentCheck", "无法打开")
        if d.get("heard_after_s") is not None:
            return translate("EquipmentCheck", "听到了声音（最大音量 {0:.0f}%）").format(100 * d["peak"])
        return translate("EquipmentCheck", "{0:.0f} 秒内没有听到足够大的声音（最大音量 {1:.1f}%）").format(
            d["seconds"], 100 * d["peak"])
    if result.check is CheckId.SPEAKER:
        answer = d.get("answer")
        if answer == "heard":
            return translate("EquipmentCheck", "您听到了测试音")
        if answer == "not_heard":
            return translate("EquipmentCheck", "您没有听到测试音")
        return translate("EquipmentCheck", "无法播放声音")
    if result.check is CheckId.DISK:
        return translate("EquipmentCheck", "可用 {0}，需要至少 {1}").format(
            megabytes(d["free_bytes"] / MB), megabytes(d["needed_bytes"] / MB))
    if result.check is CheckId.CPU:
        return translate("EquipmentCheck", "可按 {0}×{1} 实时录制（编码 {2}，{3:.0f} 帧/秒）").format(
            d["width"], d["height"], d["preset"], result.measured or 0) if d.get("realtime") else \
            translate("EquipmentCheck", "即使降到 {0}×{1} 也无法实时编码（{2:.0f} 帧/秒，需要 {3:.0f}）").format(
                d["width"], d["height"], result.measured or 0, result.required or 0)
    if result.check is CheckId.UPLOAD:
        if result.fix is Fix.UPLOAD_LOGIN:
            return translate("EquipmentCheck", "未登录")
        if result.fix is Fix.UPLOAD_NO_EXAM:
            return translate("EquipmentCheck", "未选择考试")
        if result.fix is Fix.UPLOAD_FEE_UNPAID:
            return translate("EquipmentCheck", "考试费用未缴纳")
        if result.measured is None:
            return translate("EquipmentCheck", "测试文件上传失败")
        return translate("EquipmentCheck", "{0:.2f} MB/秒，最长的视频约需 {1} 分钟上传").format(
            result.measured, max(1, round(d["eta_s"] / 60)))
    return ""


def advice(result: CheckResult) -> str:
    """Exactly what to fix, or an empty string when nothing needs doing."""
    d = result.details
    texts = {
        Fix.NONE: "",
        Fix.CAMERA_UNAVAILABLE: translate(
            "EquipmentCheck", "没有收到摄像头画面：请确认摄像头已连接、没有被其他程序（如视频会议软件）占用，"
            "并在系统设置中允许本程序使用摄像头，然后在上方重新选择摄像头。"),
        Fix.CAMERA_LOW_FPS: translate(
            "EquipmentCheck", "画面不够流畅（{0:.0f} 帧/秒，需要 25 帧/秒以上）：请关闭其他占用摄像头或电脑资源的程序，"
            "或选择较低的分辨率。").format(d.get("fps", 0)),
        Fix.CAMERA_LOW_RESOLUTION: translate(
            "EquipmentCheck", "画面分辨率偏低（{0}×{1}）：请选择 1280×720 或更高的分辨率，"
            "或换用更清晰的摄像头。").format(
                d.get("width", 0), d.get("height", 0)),
        Fix.CAMERA_TOO_DARK: translate(
            "EquipmentCheck", "画面太暗：请打开房间的灯，面向窗户或光源，不要背对窗户。"),
        Fix.CAMERA_TOO_BRIGHT: translate(
            "EquipmentCheck", "画面太亮：请避免强光直射镜头，拉上窗帘或调整摄像头方向。"),
        Fix.MIC_UNAVAILABLE: translate(
            "EquipmentCheck", "无法打开麦克风：请确认麦克风已连接，并在系统设置中允许本程序使用麦克风，"
            "然后重新选择麦克风。"),
        Fix.MIC_SILENT: translate(
            "EquipmentCheck", "没有听到声音：请检查麦克风是否静音、是否选对了麦克风，"
            "然后点击“请说话测试”，对着麦克风大声说话。"),
        Fix.MIC_TOO_QUIET: translate(
            "EquipmentCheck", "声音太小：请靠近麦克风说话，或在系统声音设置中调高麦克风音量。"),
        Fix.MIC_CLIPPING: translate(
            "EquipmentCheck", "声音太大，录音会失真：请离麦克风远一些，或在系统声音设置中调低麦克风音量。"),
        Fix.SPEAKER_UNAVAILABLE: translate(
            "EquipmentCheck", "无法播放声音：请连接扬声器或耳机，并在系统声音设置中选择正确的输出设备。"),
        Fix.SPEAKER_NOT_HEARD: translate(
            "EquipmentCheck", "没有听到测试音：请调高电脑音量、取消静音，检查扬声器或耳机是否连接好，然后再播放一次。"
            "考试中的语音提示需要能听到。"),
        Fix.DISK_FULL: translate(
            "EquipmentCheck", "磁盘空间不足：还需要再腾出 {0}。请删除不需要的文件，"
            "或在“设置”中把录像保存到空间更大的磁盘。").format(
                megabytes(max(0, d.get("needed_bytes", 0) - d.get("free_bytes", 0)) / MB)),
        Fix.DISK_TIGHT: translate(
            "EquipmentCheck", "磁盘空间只够录一两次：如果需要重录，空间可能不够。建议再腾出 {0}。").format(
                megabytes(2 * d.get("max_take_bytes", 0) / MB)),
        Fix.CPU_TOO_SLOW: translate(
            "EquipmentCheck", "电脑性能不足，录像可能会卡顿或丢帧：请关闭其他程序、接上电源，或换一台电脑录制。"),
        Fix.CPU_REDUCED: translate(
            "EquipmentCheck", "电脑性能有限，录像将自动使用 {0}×{1}。想要更清晰，"
            "请关闭其他程序、接上电源后重新检测。").format(
                d.get("width", 0), d.get("height", 0)),
        Fix.UPLOAD_LOGIN: translate("EquipmentCheck", "登录后才能检测上传速度。"),
        Fix.UPLOAD_NO_EXAM: translate("EquipmentCheck", "请先在“我的考试”中选择考试，再检测上传速度。"),
        Fix.UPLOAD_FEE_UNPAID: translate("EquipmentCheck", "缴纳考试费用后才能检测上传速度。"),
        Fix.UPLOAD_REGION: translate(
            "EquipmentCheck", "上传地址不在允许的境内区域，已拒绝上传。请联系考试机构。"),
        Fix.UPLOAD_FAILED: translate(
            "EquipmentCheck", "无法上传测试文件：请检查网络连接后重新检测。"),
        Fix.UPLOAD_SLOW: translate(
            "EquipmentCheck", "网络上传较慢：请靠近路由器、改用有线网络，或暂停其他下载和视频播放。"),
    }
    return texts[result.fix]


def missing_advice(check: CheckId) -> str:
    """What to do for a check that has not been run yet."""
    return {
        CheckId.MICROPHONE: translate("EquipmentCheck", "请点击“请说话测试”，然后对着麦克风说话。"),
        CheckId.SPEAKER: translate("EquipmentCheck", "请点击“播放测试音”，并告诉我们是否听到了。"),
    }.get(check, translate("EquipmentCheck", "请点击“开始检测”。"))


def status_line(result: CheckResult) -> str:
    return f"{STATUS_MARK[result.status]} {status_name(result.status)}：{measured_text(result)}"


def result_html(result: CheckResult | None, check: CheckId, *, with_advice: bool, running: bool = False) -> str:
    """A summary row: mark, name, status and measurement, then the advice on its own line."""
    name = f"<b>{html.escape(check_name(check))}</b> " if with_advice else ""
    if result is None:
        mark = f"<span style='color:{STATUS_COLOUR[Status.SKIPPED]}'>○</span>"
        if running:
            return f"{mark} {name}" + html.escape(translate("EquipmentCheck", "正在检测……"))
        tip = missing_advice(check) if with_advice else translate("EquipmentCheck", "尚未检测")
        return f"{mark} {name}<span style='color:#6B7590'>{html.escape(tip)}</span>"
    colour = STATUS_COLOUR[result.status]
    text = (f"<span style='color:{colour}; font-weight:600'>{STATUS_MARK[result.status]}</span> {name}"
            f"<span style='color:{colour}'>{html.escape(status_name(result.status))}</span>"
            f" · {html.escape(measured_text(result))}")
    tip = advice(result)
    if tip and (with_advice or result.status is not Status.PASS):
        text += f"<br><span style='color:#3A4560'>{html.escape(tip)}</span>"
    return text


def headline(report: EquipmentReport) -> tuple[str, Status]:
    """The summary's first line and its colour's status."""
    failed = report.with_status(Status.FAIL)
    warned = report.with_status(Status.WARN)
    missing = report.missing()
    if not report.results:
        return translate("EquipmentCheck", "还没有检测。请点击“开始检测”，并完成麦克风和扬声器测试。"), Status.SKIPPED
    if failed:
        text = translate("EquipmentCheck", "有 {0} 项未通过，请按下面的提示处理后重新检测。")
        return text.format(len(failed)), Status.FAIL
    if missing:
        return translate("EquipmentCheck", "还有 {0} 项没有检测。").format(len(missing)), Status.WARN
    if warned:
        return translate("EquipmentCheck", "可以考试，但有 {0} 项建议调整。").format(len(warned)), Status.WARN
    return translate("EquipmentCheck", "全部通过，可以开始考试。"), Status.PASS


def summary_order(report: EquipmentReport) -> list[CheckId]:
    """What to fix first: failures, then advice, then what is still to do, then what passed."""
    rank = {Status.FAIL: 0, Status.WARN: 1, Status.SKIPPED: 3, Status.PASS: 4}
    return sorted(CheckId, key=lambda check: rank[report.results[check].status] if check in report.results else 2)
