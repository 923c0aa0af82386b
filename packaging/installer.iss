; Inno Setup 6 script: a per-user installer for the one-folder bundle (no administrator rights).
; Build on Windows after PyInstaller:   iscc /DAppVersion=0.1.0 packaging\installer.iss
; Output: dist\artreview-desktop-<version>-windows-setup.exe — the package the platform publishes
; for in-app updates (kind "windows-installer"). The app runs it with
; /SILENT /SUPPRESSMSGBOXES /NORESTART /CLOSEAPPLICATIONS /UPDATE and quits; /UPDATE restarts it.
; Sign the installer and the exe with your Authenticode certificate (SignTool) for SmartScreen.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "ArtReview"
#define AppExe "artreview-desktop.exe"
#define Root ".."

[Setup]
AppId={{6B0E0C6A-4F0B-4B8E-9B7A-2F3C1D5E7A90}
AppName={#AppName}
AppVerName={#AppName} {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=ArtReview Desktop developers
VersionInfoVersion={#AppVersion}
; Per user: installs under %LOCALAPPDATA%\Programs, no UAC prompt; updates need no administrator either.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\ArtReview
DefaultGroupName=ArtReview
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#Root}\dist
OutputBaseFilename=artreview-desktop-{#AppVersion}-windows-setup
SetupIconFile={#Root}\packaging\icons\artreview.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no

[Languages]
; ChineseSimplified.isl ships with Inno Setup 6.3 and later.
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
zh_CN.LaunchApp=启动艺术评价
en.LaunchApp=Start ArtReview

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#Root}\dist\artreview-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An update replaces the whole bundle: files the new version no longer has must not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent
; After an in-app update (silent, /UPDATE) start the new version straight away.
Filename: "{app}\{#AppExe}"; Flags: nowait; Check: IsUpdate

[Code]
function IsUpdate(): Boolean;
var
  I: Integer;
begin
  Result := False;
  for I := 1 to ParamCount do
    if CompareText(ParamStr(I), '/UPDATE') = 0 then
      Result := True;
end;
