<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>关于艺术评价</source>
        <translation>About ArtReview</translation>
    </message>
    <message>
        <source>&lt;h2&gt;艺术评价 ArtReview Desktop&lt;/h2&gt;&lt;p&gt;版本 {0}&lt;/p&gt;&lt;p&gt;本程序以 GNU GPL 第 3 版或更高版本发布。&lt;/p&gt;&lt;p&gt;Python {1} · Qt for Python {2}&lt;/p&gt;</source>
        <translation>&lt;h2&gt;ArtReview Desktop (艺术评价)&lt;/h2&gt;&lt;p&gt;Version {0}&lt;/p&gt;&lt;p&gt;Released under the GNU GPL, version 3 or later.&lt;/p&gt;&lt;p&gt;Python {1} · Qt for Python {2}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>第三方软件许可：</source>
        <translation>Third-party licences:</translation>
    </message>
    <message>
        <source>找不到第三方许可文件：{0}</source>
        <translation>The third-party licence file is missing: {0}</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>隐私政策</source>
        <translation>Privacy policy</translation>
    </message>
    <message>
        <source>欢迎使用艺术评价。在使用前，请仔细阅读《隐私政策》和《儿童隐私保护声明》。您同意之前，本程序不会收集任何个人信息。</source>
        <translation>Welcome to ArtReview. Before you start, please read the Privacy Policy and the Children's Privacy Statement carefully. Until you agree, the app collects no personal information.</translation>
    </message>
    <message>
        <source>《隐私政策》已更新为 {0} 版（您之前同意的是 {1} 版）。请阅读变更内容，同意后才能继续使用。</source>
        <translation>The Privacy Policy has been updated to version {0} (you agreed to version {1}). Please read the changes; you can continue once you agree.</translation>
    </message>
    <message>
        <source>本次更新：</source>
        <translation>What changed:</translation>
    </message>
    <message>
        <source>儿童隐私保护声明</source>
        <translation>Children's Privacy Statement</translation>
    </message>
    <message>
        <source>我已阅读并同意《隐私政策》和《儿童隐私保护声明》(&amp;R)</source>
        <translation>I have &amp;read and agree to the Privacy Policy and the Children's Privacy Statement</translation>
    </message>
    <message>
        <source>未满十四周岁的小朋友，请让爸爸妈妈或其他监护人阅读并代为同意。</source>
        <translation>Children under 14: please ask your mum, dad or another guardian to read this and agree for you.</translation>
    </message>
    <message>
        <source>不同意(&amp;D)</source>
        <translation>&amp;Disagree</translation>
    </message>
    <message>
        <source>同意(&amp;A)</source>
        <translation>&amp;Agree</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>程序遇到了问题</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>很抱歉，程序出现了一个意外错误。您的录制文件不会丢失，可以继续使用或重新启动程序。</source>
        <translation>Sorry, the app ran into an unexpected error. Your recordings are safe; you can keep working or restart the app.</translation>
    </message>
    <message>
        <source>错误报告已保存在本机（不含手机号、验证码等个人信息），未经您同意不会上传：
{0}</source>
        <translation>An error report was saved on this computer (without phone numbers, codes or other personal data). It is never sent without your consent:
{0}</translation>
    </message>
    <message>
        <source>打开报告所在文件夹</source>
        <translation>Open the report's folder</translation>
    </message>
    <message>
        <source>继续使用</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>EquipmentCheckPage</name>
    <message>
        <source>设备检测</source>
        <translation>Equipment check</translation>
    </message>
    <message>
        <source>检查摄像头画面、麦克风音量、扬声器、磁盘空间、上传速度和电脑性能，并告诉您需要调整什么。</source>
        <translation>Checks the camera picture, microphone level, speakers, disk space, upload speed and computer speed, and tells you what to fix.</translation>
    </message>
</context>
<context>
    <name>ExamsPage</name>
    <message>
        <source>我的考试</source>
        <translation>My exams</translation>
    </message>
    <message>
        <source>查看已报名的考级科目、曲目、录制时长和剩余次数，缴纳考试费用，阅读考试须知并签署诚信承诺书。</source>
        <translation>See the exams you registered for, their pieces, recording lengths and attempts left; pay the exam fee; read the exam instructions and sign the commitment letter.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>欢迎使用艺术评价</source>
        <translation>Welcome to ArtReview</translation>
    </message>
    <message>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>在家或在考点完成艺术考级视频录制：按下面的步骤操作，每一步都会提示您需要做什么。</source>
        <translation>Record your graded art exam at home or at an exam centre: follow the steps below; each step tells you what to do.</translation>
    </message>
    <message>
        <source>演示模式：使用本机内置的考试平台和存储服务，不会连接真实平台，验证码可在演示收件箱中查看。</source>
        <translation>Demo mode: the app uses a built-in exam platform and storage on this computer and never contacts the real platform; verification codes appear in the demo inbox.</translation>
    </message>
    <message>
        <source>用手机号和短信验证码登录；未满十四周岁需监护人同意。</source>
        <translation>Log in with your phone number and an SMS code; children under 14 need a guardian's consent.</translation>
    </message>
    <message>
        <source>拍摄或上传照片，自动裁剪为标准证件照；离开页面后照片自动删除。</source>
        <translation>Take or upload a photo; it is cropped to a standard ID photo and deleted automatically when you leave the page.</translation>
    </message>
    <message>
        <source>检查摄像头、麦克风、磁盘空间和网络，确保录制顺利。</source>
        <translation>Check the camera, microphone, disk space and network so that recording goes smoothly.</translation>
    </message>
    <message>
        <source>先模拟考试熟悉流程，再进行正式考试录制。</source>
        <translation>Try a practice exam first, then record the formal exam.</translation>
    </message>
    <message>
        <source>录制完成后自动上传，断网后可继续，平台校验通过才算完成。</source>
        <translation>Takes upload automatically, resume after a lost connection, and count as done only once the platform has verified them.</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>标准证件照</source>
        <translation>Standard ID photo</translation>
    </message>
    <message>
        <source>设备检测</source>
        <translation>Equipment check</translation>
    </message>
    <message>
        <source>考级视频录制</source>
        <translation>Exam recording</translation>
    </message>
    <message>
        <source>上传</source>
        <translation>Upload</translation>
    </message>
</context>
<context>
    <name>IdPhotoPage</name>
    <message>
        <source>标准证件照</source>
        <translation>Standard ID photo</translation>
    </message>
    <message>
        <source>拍照或上传照片，按考试要求裁剪并检查证件照。人脸图像只用于制作证件照，离开本页面或退出程序时自动删除。</source>
        <translation>Take or upload a photo, crop it to the exam's ID-photo rules and check it. Face images are used only to make the ID photo and are deleted automatically when you leave this page or quit.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>正在检测网络…</source>
        <translation>Checking the network…</translation>
    </message>
    <message>
        <source>● 已连接考试平台</source>
        <translation>● Connected to the exam platform</translation>
    </message>
    <message>
        <source>网络：未检测</source>
        <translation>Network: not checked</translation>
    </message>
    <message>
        <source>● 离线：您未允许使用网络</source>
        <translation>● Offline: you did not allow network use</translation>
    </message>
    <message>
        <source>● 离线：无法连接考试平台</source>
        <translation>● Offline: the exam platform cannot be reached</translation>
    </message>
    <message>
        <source>设置文件已损坏，已恢复默认设置。原文件已备份为：
{0}</source>
        <translation>The settings file was damaged, so the default settings are in use. The old file was kept as:
{0}</translation>
    </message>
    <message>
        <source>设置文件来自更新版本的程序，已备份为：
{0}</source>
        <translation>The settings file comes from a newer version of the app; it was backed up as:
{0}</translation>
    </message>
    <message>
        <source>无法读取设置文件，本次使用默认设置。</source>
        <translation>The settings file could not be read; the default settings are in use this time.</translation>
    </message>
    <message>
        <source>设置项 {0} 的值无效，已使用默认值。</source>
        <translation>The value of setting {0} was invalid; its default is in use.</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>艺术评价 · 考级视频录制</source>
        <translation>ArtReview · Exam recording</translation>
    </message>
    <message>
        <source>艺术评价</source>
        <translation>ArtReview</translation>
    </message>
    <message>
        <source>{0}(Ctrl+{1})</source>
        <translation>{0} (Ctrl+{1})</translation>
    </message>
    <message>
        <source>演示模式</source>
        <translation>Demo mode</translation>
    </message>
</context>
<context>
    <name>NetworkPrompt</name>
    <message>
        <source>网络检测</source>
        <translation>Network check</translation>
    </message>
    <message>
        <source>重试</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>离线使用</source>
        <translation>Work offline</translation>
    </message>
    <message>
        <source>考试平台长时间没有响应。</source>
        <translation>The exam platform did not answer in time.</translation>
    </message>
    <message>
        <source>无法连接到考试平台，请检查网络连接（Wi-Fi 或网线）。</source>
        <translation>The exam platform cannot be reached. Please check your network connection (Wi-Fi or cable).</translation>
    </message>
    <message>
        <source>考试平台暂时无法提供服务，请稍后再试。</source>
        <translation>The exam platform is temporarily unavailable. Please try again later.</translation>
    </message>
    <message>
        <source>您可以重试，或先离线使用：证件照、设备检测和练习录制不需要网络；上传会在联网后自动继续。</source>
        <translation>You can retry, or work offline for now: the ID photo, equipment check and practice recording need no network; uploads continue once you are back online.</translation>
    </message>
    <message>
        <source>网络异常。</source>
        <translation>Network problem.</translation>
    </message>
</context>
<context>
    <name>PermissionGate</name>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>您没有允许使用{0}，因此这项功能暂时不能使用。其他功能不受影响。</source>
        <translation>You did not allow {0}, so this feature cannot be used for now. Everything else still works.</translation>
    </message>
    <message>
        <source>如需使用，请在“我的 · 设置 · 隐私”中允许该权限。</source>
        <translation>To use it, allow the permission in “Me · Settings · Privacy”.</translation>
    </message>
    <message>
        <source>系统也拒绝了{0}权限：Windows 请打开“设置 → 隐私和安全性 → 相机/麦克风”，macOS 请打开“系统设置 → 隐私与安全性 → 相机/麦克风”，允许“艺术评价”后重新启动程序。</source>
        <translation>The system also refused {0}: on Windows open “Settings → Privacy &amp; security → Camera/Microphone”, on macOS open “System Settings → Privacy &amp; Security → Camera/Microphone”, allow “ArtReview”, then restart the app.</translation>
    </message>
    <message>
        <source>功能未开启</source>
        <translation>Feature off</translation>
    </message>
</context>
<context>
    <name>PermissionPrompt</name>
    <message>
        <source>权限请求</source>
        <translation>Permission request</translation>
    </message>
    <message>
        <source>“艺术评价”需要使用：{0}</source>
        <translation>“ArtReview” would like to use: {0}</translation>
    </message>
    <message>
        <source>用途：{0}</source>
        <translation>Purpose: {0}</translation>
    </message>
    <message>
        <source>用于：{0}</source>
        <translation>Used for: {0}</translation>
    </message>
    <message>
        <source>如果不允许，只有这项功能不能使用，其他功能不受影响。您可以随时在“我的 · 设置 · 隐私”中更改。</source>
        <translation>If you do not allow it, only this feature will be unavailable; everything else keeps working. You can change this at any time in “Me · Settings · Privacy”.</translation>
    </message>
    <message>
        <source>允许</source>
        <translation>Allow</translation>
    </message>
    <message>
        <source>不允许</source>
        <translation>Don't allow</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>无线网络</source>
        <translation>Network (Wi-Fi)</translation>
    </message>
    <message>
        <source>全部功能</source>
        <translation>All features</translation>
    </message>
    <message>
        <source>连接考试平台和上传服务：登录、获取考试、上传录制文件。</source>
        <translation>Connect to the exam platform and the upload service: log in, get your exams, upload recordings.</translation>
    </message>
    <message>
        <source>程序启动时检测网络状态</source>
        <translation>When the program starts, the network state is checked</translation>
    </message>
    <message>
        <source>相机</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>标准证件照、考级视频录制</source>
        <translation>Standard ID photo, exam recording</translation>
    </message>
    <message>
        <source>拍摄标准证件照，录制考生视频。</source>
        <translation>Take the standard ID photo; record the candidate's video.</translation>
    </message>
    <message>
        <source>点击“拍照”时</source>
        <translation>When “Take photo” is clicked</translation>
    </message>
    <message>
        <source>写入存储</source>
        <translation>Write storage</translation>
    </message>
    <message>
        <source>考级视频录制</source>
        <translation>Exam recording</translation>
    </message>
    <message>
        <source>把录制的考级视频保存到您选择的存储位置。</source>
        <translation>Save the recorded exam video in the storage location you chose.</translation>
    </message>
    <message>
        <source>正式考试中点击“开始录制/再次录制”时</source>
        <translation>When “Start recording / Record again” is clicked in the formal exam</translation>
    </message>
    <message>
        <source>读取存储</source>
        <translation>Read storage</translation>
    </message>
    <message>
        <source>读取录制好的视频文件，用于回放检查和上传。</source>
        <translation>Read the recorded video files to play them back for checking and to upload them.</translation>
    </message>
    <message>
        <source>麦克风</source>
        <translation>Microphone</translation>
    </message>
    <message>
        <source>录制考级视频的声音，并进行语音交互。</source>
        <translation>Record the sound of the exam video, and voice interaction.</translation>
    </message>
    <message>
        <source>点击“开始录制/再次录制”时</source>
        <translation>When “Start recording / Record again” is clicked</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>获取验证码</source>
        <translation>Get verification code</translation>
    </message>
    <message>
        <source>向您的手机号发送验证码，以验证身份。</source>
        <translation>Send a verification code to your phone number to verify your identity.</translation>
    </message>
    <message>
        <source>获取验证码时</source>
        <translation>When a verification code is requested</translation>
    </message>
</context>
<context>
    <name>PolicyOnlyPage</name>
    <message>
        <source>隐私政策</source>
        <translation>Privacy policy</translation>
    </message>
    <message>
        <source>您没有同意《隐私政策》，因此本程序不会收集任何信息，也不能登录、拍照或录制。您可以阅读政策后重新选择，或退出程序。</source>
        <translation>You did not agree to the Privacy Policy, so the app collects no information and cannot log in, take photos or record. You can read the policy and choose again, or quit.</translation>
    </message>
    <message>
        <source>退出程序(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>阅读并重新选择(&amp;C)</source>
        <translation>Read and &amp;choose again</translation>
    </message>
</context>
<context>
    <name>RecordingPage</name>
    <message>
        <source>考级视频录制</source>
        <translation>Exam recording</translation>
    </message>
    <message>
        <source>点击“开始录制/再次录制”录制考级视频：倒计时和语音提示后开始，录制中显示用时、音量和剩余次数。</source>
        <translation>Click “Start recording / Record again” to record your exam: recording starts after a countdown and spoken prompts, and shows the time, sound level and attempts left.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>我的 · 设置</source>
        <translation>Me · Settings</translation>
    </message>
    <message>
        <source>界面语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>启动时检测网络</source>
        <translation>Check the network at start-up</translation>
    </message>
    <message>
        <source>数据文件夹</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>日志文件夹</source>
        <translation>Log folder</translation>
    </message>
    <message>
        <source>设置文件夹</source>
        <translation>Settings folder</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>关于艺术评价(&amp;A)</source>
        <translation>&amp;About ArtReview</translation>
    </message>
    <message>
        <source>隐私 · 权限</source>
        <translation>Privacy · Permissions</translation>
    </message>
    <message>
        <source>已允许</source>
        <translation>Allowed</translation>
    </message>
    <message>
        <source>本次已拒绝</source>
        <translation>Refused this session</translation>
    </message>
    <message>
        <source>使用时询问</source>
        <translation>Ask when used</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>允许</source>
        <translation>Allow</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>艺术评价无法启动</source>
        <translation>ArtReview could not start</translation>
    </message>
    <message>
        <source>程序无法启动：{0}

错误报告已保存在本机：{1}</source>
        <translation>The app could not start: {0}

An error report was saved on this computer: {1}</translation>
    </message>
</context>
<context>
    <name>UpcomingFeaturePage</name>
    <message>
        <source>此功能尚未在当前版本中开放。</source>
        <translation>This feature is not available in this version yet.</translation>
    </message>
</context>
<context>
    <name>UploadsPage</name>
    <message>
        <source>上传中心</source>
        <translation>Upload centre</translation>
    </message>
    <message>
        <source>查看每个录制文件的上传进度、速度和状态；断网或关机后会从中断处继续上传。</source>
        <translation>See each take's upload progress, speed and state; uploads resume where they stopped after a lost connection or a shutdown.</translation>
    </message>
</context>
</TS>