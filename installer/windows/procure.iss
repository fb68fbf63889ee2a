; Inno Setup 6 script: Procure for Windows (x64), from the PyInstaller bundle.
;
; NOT BUILT OR TESTED on the project's machines (Linux only). Steps, on Windows 10/11
; with Python 3.11 and Inno Setup 6 (see installer/README.md):
;   py -3.11 -m venv .venv
;   .venv\Scripts\pip install -e .[installer]
;   .venv\Scripts\python installer\make_icons.py
;   .venv\Scripts\pyinstaller --noconfirm --distpath installer\dist --workpath installer\build\pyinstaller installer\procure.spec
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 installer\windows\procure.iss
; Output: installer\dist\procure-0.1.0-windows-x64-setup.exe
;
; Installs into Program Files (or the user's programs folder when installed without
; admin rights), adds Start menu entries, opens .procure files with Procure Planner,
; and can put procure.exe (the command line) on PATH. Uninstalling removes all of it.

#ifndef AppVersion
  #error Pass the version from pyproject.toml: ISCC /DAppVersion=X.Y.Z installer\windows\procure.iss
#endif
#define AppName "Procure"
#define PlannerExe "procure-planner.exe"

[Setup]
AppId={{00A9F1FC-211C-429A-B21D-E63A5FB5F5FB}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Procure team
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename=procure-{#AppVersion}-windows-x64-setup
SetupIconFile=..\build\icons\procure.ico
UninstallDisplayIcon={app}\{#PlannerExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
ChangesEnvironment=yes
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "Add the 'procure' command line to PATH"; GroupDescription: "Command line:"

[Files]
; The whole one-folder bundle: procure-planner.exe, procure.exe and _internal\.
Source: "..\dist\procure\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Procure Planner"; Filename: "{app}\{#PlannerExe}"; Comment: "Accelerator procurement planning"
Name: "{autodesktop}\Procure Planner"; Filename: "{app}\{#PlannerExe}"; Tasks: desktopicon

[Registry]
; .procure plan files open in Procure Planner.
Root: HKA; Subkey: "Software\Classes\.procure\OpenWithProgids"; ValueType: string; ValueName: "Procure.Plan"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Procure.Plan"; ValueType: string; ValueName: ""; ValueData: "Procure plan"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Procure.Plan\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#PlannerExe},0"
Root: HKA; Subkey: "Software\Classes\Procure.Plan\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#PlannerExe}"" ""%1"""

[Run]
Filename: "{app}\{#PlannerExe}"; Description: "{cm:LaunchProgram,Procure Planner}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Byte-code caches, should anything ever write them next to the program.
Type: filesandordirs; Name: "{app}\_internal\procure\storage\migrations\__pycache__"
Type: filesandordirs; Name: "{app}\_internal\procure\storage\migrations\versions\__pycache__"
Type: dirifempty; Name: "{app}"

[Code]
{ PATH: the machine's for an admin install, the user's otherwise. }
function EnvRoot: Integer;
begin
  if IsAdminInstallMode then Result := HKEY_LOCAL_MACHINE else Result := HKEY_CURRENT_USER;
end;

function EnvKey: String;
begin
  if IsAdminInstallMode then
    Result := 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment'
  else
    Result := 'Environment';
end;

function PathWithout(const Path, Dir: String): String;
var
  Rest, Part: String;
  P: Integer;
begin
  Result := '';
  Rest := Path;
  while Rest <> '' do
  begin
    P := Pos(';', Rest);
    if P = 0 then begin Part := Rest; Rest := ''; end
    else begin Part := Copy(Rest, 1, P - 1); Delete(Rest, 1, P); end;
    if (Part <> '') and (CompareText(RemoveBackslashUnlessRoot(Part), RemoveBackslashUnlessRoot(Dir)) <> 0) then
    begin
      if Result <> '' then Result := Result + ';';
      Result := Result + Part;
    end;
  end;
end;

procedure CurStepChanged(CurStep: TSetupStep);
var
  Path: String;
begin
  if (CurStep = ssPostInstall) and WizardIsTaskSelected('addtopath') then
  begin
    if not RegQueryStringValue(EnvRoot, EnvKey, 'Path', Path) then Path := '';
    Path := PathWithout(Path, ExpandConstant('{app}'));
    if Path <> '' then Path := Path + ';';
    RegWriteExpandStringValue(EnvRoot, EnvKey, 'Path', Path + ExpandConstant('{app}'));
  end;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Path: String;
begin
  if (CurUninstallStep = usPostUninstall) and RegQueryStringValue(EnvRoot, EnvKey, 'Path', Path) then
    RegWriteExpandStringValue(EnvRoot, EnvKey, 'Path', PathWithout(Path, ExpandConstant('{app}')));
end;
